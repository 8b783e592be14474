/** Spanish UI text. */
import type { Resources } from './en.js';

export const es: Resources = {
  tagline: 'Quién se sienta dónde · quién paga a quién · cada línea con su fuente',
  language: 'Idioma',
  search: {
    placeholder: 'Busque una persona, organización, organismo…',
    results: 'Resultados de la búsqueda',
  },
  panel: {
    introTitle: 'Detalles y pruebas',
    introBody:
      'Seleccione una persona, una organización o una conexión en el lienzo para leer qué es y las citas de las fuentes que la respaldan.',
    tipExpand: '<k>Doble clic</k> en un nodo trae sus conexiones.',
    tipPaths: '<k>Mayús</k> + clic en dos nodos y luego <b>Buscar rutas</b> para ver cómo se vinculan.',
    tipSources: 'Cada línea del lienzo tiene su fuente: haga clic para leer la cita.',
    tipConflicts:
      'La pestaña <b>Conflictos</b> enumera los patrones hallados en los datos; haga clic en uno para ver sus pruebas aquí.',
  },
  rail: {
    label: 'Conflictos, dinero, rutas y leyenda',
    tabs: 'Panel izquierdo',
    conflicts: 'Conflictos',
    money: 'Dinero',
    paths: 'Rutas',
    legend: 'Leyenda',
  },
  canvas: {
    region: 'Grafo de relaciones',
    toolbar: 'Lienzo',
    fit: 'Ajustar',
    layout: 'Disposición',
    layouts: {
      force: 'Fuerzas',
      hierarchy: 'De arriba abajo',
      flow: 'De izquierda a derecha',
      concentric: 'En torno a la selección',
    },
    table: 'Tabla',
    clear: 'Vaciar lienzo',
    undo: 'Deshacer',
    redo: 'Rehacer',
    graphLabel: 'Grafo de {{nodes}} entidades y {{edges}} conexiones',
    status: '{{nodes}} entidades · {{edges}} conexiones',
    loading: 'Cargando conexiones…',
    emptyTitle: 'Empiece por un nombre',
    emptyBody: 'Busque arriba una persona, empresa u organismo. Haga doble clic en el lienzo para ver con quién está vinculado.',
  },
  time: {
    label: 'A fecha de',
    slider: 'Año de referencia',
    date: 'Fecha de referencia',
    all: 'Todas las fechas',
    now: 'Hoy',
    hideUndated: 'Ocultar sin fecha',
    undatedHint: 'Las líneas atenuadas no tienen fechas en sus fuentes',
  },
  filter: {
    status: 'Estado',
    statuses: { reported: 'Publicado', confirmed: 'Confirmado', alleged: 'Presunto', inferred: 'Inferido' },
    minSources: 'Al menos {{count}} fuente',
    minSources_other: 'Al menos {{count}} fuentes',
    minSourcesLabel: 'Mínimo de fuentes distintas',
    types: 'Tipos de relación',
  },
};
