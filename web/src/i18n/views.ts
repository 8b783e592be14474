/** Strings of links that reopen a view, and of the phone layout's bar. */
const en = {
  link: {
    copy: 'Copy link',
    copied: 'Link copied. It reopens this view:',
    copyThis: 'Copy this link; it reopens this view:',
    litGone: 'What this link lit up is no longer found in the graph; the rest of the view is as it was.',
    shortGone: 'This short link does not exist (or the server that made it is another one).',
  },
  phone: { bar: 'Show', none: 'Map', details: 'Details', tools: 'Tools' },
};

type Strings = typeof en;

const es: Strings = {
  link: {
    copy: 'Copiar enlace',
    copied: 'Enlace copiado. Vuelve a abrir esta vista:',
    copyThis: 'Copie este enlace; vuelve a abrir esta vista:',
    litGone: 'Lo que este enlace iluminaba ya no está en el grafo; el resto de la vista es como era.',
    shortGone: 'Este enlace corto no existe (o lo creó otro servidor).',
  },
  phone: { bar: 'Mostrar', none: 'Mapa', details: 'Detalles', tools: 'Herramientas' },
};

const ar: Strings = {
  link: {
    copy: 'نسخ الرابط',
    copied: 'تم نسخ الرابط. يعيد فتح هذا العرض:',
    copyThis: 'انسخ هذا الرابط؛ يعيد فتح هذا العرض:',
    litGone: 'ما كان هذا الرابط يُبرزه لم يعد موجودًا في الشبكة؛ بقية العرض كما كانت.',
    shortGone: 'هذا الرابط المختصر غير موجود (أو أنشأه خادم آخر).',
  },
  phone: { bar: 'عرض', none: 'الخريطة', details: 'التفاصيل', tools: 'الأدوات' },
};

export const views = { en, es, ar };
