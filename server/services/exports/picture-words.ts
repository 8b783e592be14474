/**
 * The words of a picture in the reader's language: kinds, relationship types and the words on labels
 * come from the page's translations (one source, so the picture says what the page says); the few
 * headings only a picture has are here. Names take the reader's-language alias where there is one.
 */
import type { EntityKind, GraphNode, PictureLanguage, RelationshipType } from '../../../schemas/index.js';
import { ar } from '../../../shared/i18n/ar.js';
import { en } from '../../../shared/i18n/en.js';
import { es } from '../../../shared/i18n/es.js';
import { localName } from '../../../schemas/language.js';
import { ENGLISH, type Wording } from '../../../shared/presentation/wording.js';
import type { Direction } from './bidi.js';

export type { PictureLanguage };

interface Headings {
  readonly legend: string;
  readonly sources: string;
  readonly former: string;
  readonly version: (version: number) => string;
  readonly draft: (id: string) => string;
  readonly published: (id: string) => string;
  readonly exported: (date: string) => string;
  readonly counts: (entities: number, relationships: number) => string;
  readonly asOf: (date: string) => string;
  readonly more: (count: number) => string;
}

/** A left-to-right isolate (LRI … PDI). */
const ltr = (value: string) => `\u2066${value}\u2069`;

const HEADINGS: Readonly<Record<PictureLanguage, Headings>> = {
  en: {
    legend: 'Legend',
    sources: 'Sources',
    former: 'former role or tie',
    version: (v) => `Version ${v}`,
    draft: (id) => `draft ${id}`,
    published: (id) => `published as ${id}`,
    exported: (date) => `exported ${date}`,
    counts: (e, r) => `${e} entities, ${r} relationships`,
    asOf: (date) => `as of ${date}`,
    more: (n) => `and ${n} more sources in the HTML or JSON export of this map`,
  },
  es: {
    legend: 'Leyenda',
    sources: 'Fuentes',
    former: 'cargo o vínculo anterior',
    version: (v) => `Versión ${v}`,
    draft: (id) => `borrador ${id}`,
    published: (id) => `publicado como ${id}`,
    exported: (date) => `exportado el ${date}`,
    counts: (e, r) => `${e} entidades, ${r} relaciones`,
    asOf: (date) => `a fecha de ${date}`,
    more: (n) => `y ${n} fuentes más en la exportación HTML o JSON de este mapa`,
  },
  // Dates and ids are isolated left to right: after an Arabic word the algorithm reads "2026-12-02" as
  // Arabic numbers and would show "02-12-2026".
  ar: {
    legend: 'مفتاح الرموز',
    sources: 'المصادر',
    former: 'منصب أو صلة سابقة',
    version: (v) => `الإصدار ${v}`,
    draft: (id) => `مسودة ${ltr(id)}`,
    published: (id) => `منشور باسم ${ltr(id)}`,
    exported: (date) => `صُدّر في ${ltr(date)}`,
    counts: (e, r) => `${e} كيانات، ${r} علاقات`,
    asOf: (date) => `بتاريخ ${ltr(date)}`,
    more: (n) => `و${n} مصادر أخرى في تصدير HTML أو JSON لهذه الخريطة`,
  },
};

const RESOURCES = { en, es, ar } as const;
const LOCALES: Readonly<Record<PictureLanguage, string>> = { en: 'en-US', es: 'es-ES', ar: 'ar-u-nu-latn' };

export interface PictureWords extends Headings {
  readonly language: PictureLanguage;
  readonly direction: Direction;
  readonly wording: Wording;
  readonly kind: (kind: EntityKind) => string;
  readonly type: (type: RelationshipType) => string;
  readonly name: (node: Pick<GraphNode, 'name' | 'aliases'>) => string;
}

export function pictureWords(language: PictureLanguage = 'en'): PictureWords {
  const resources = RESOURCES[language];
  const plural = (template: string, count: number) => template.replace('{{count}}', String(count));
  const wording: Wording =
    language === 'en'
      ? ENGLISH
      : {
          ...ENGLISH,
          locale: LOCALES[language],
          language,
          type: (type) => resources.types[type],
          status: (status) => resources.filter.statuses[status].toLocaleLowerCase(language),
          former: resources.words.former,
          present: resources.words.present,
          since: (date) => resources.words.since.replace('{{date}}', date),
          until: (date) => resources.words.until.replace('{{date}}', date),
          undated: resources.words.undated,
          amountUndisclosed: resources.words.amountUndisclosed,
          undisclosedCount: (count) => plural(resources.words.undisclosedCount, count),
          undisclosed: resources.words.undisclosed,
          noCurrency: resources.words.noCurrency,
        };
  return {
    ...HEADINGS[language],
    language,
    direction: language === 'ar' ? 'rtl' : 'ltr',
    wording,
    kind: (kind) => resources.kinds[kind],
    type: (type) => resources.types[type],
    name: (node) => localName(node, language),
  };
}
