/**
 * The sources of a picture: one entry per cited document (a document cited for thirteen facts is listed
 * once), numbered in the order the map first cites them (relationships first, by id, then entities), so
 * a marker [n] on the map and entry n of the list agree. Each entry names the document in the reader's
 * language where the data has such a title, else by its original title, with publisher, date and link.
 */
import type { Citation, Entity, Snapshot } from '../../../schemas/index.js';
import { documentsById } from './context.js';
import type { PictureLanguage } from './picture-words.js';

export interface PictureSource {
  readonly number: number;
  readonly documentId: string;
  readonly title: string;
  readonly publisher?: string | undefined;
  readonly publishedOn?: string | undefined;
  readonly url?: string | undefined;
  /** How many of the map's facts cite it. */
  readonly citedBy: number;
  /** Its distinct citations (locator and quote), for the SVG's tooltip: a picture has no room for them. */
  readonly quotes: readonly { locator: string; quote: string }[];
}

export interface PictureSources {
  readonly sources: readonly PictureSource[];
  /** The source numbers of a fact, ascending, each once. */
  numbersOf(fact: { citations: readonly Citation[] }): number[];
}

export function pictureSources(snapshot: Snapshot, language: PictureLanguage): PictureSources {
  const documents = documentsById(snapshot);
  const numbers = new Map<string, number>();
  const counts = new Map<string, number>();
  const quotes = new Map<string, Map<string, { locator: string; quote: string }>>();
  const facts: { citations: readonly Citation[] }[] = [...snapshot.content.relationships, ...snapshot.content.entities];
  for (const fact of facts) {
    for (const { documentId, locator, quote } of fact.citations) {
      const seen = quotes.get(documentId) ?? new Map<string, { locator: string; quote: string }>();
      seen.set(`${locator}\u0000${quote}`, { locator, quote });
      quotes.set(documentId, seen);
    }
    for (const documentId of new Set(fact.citations.map((c) => c.documentId))) {
      if (!numbers.has(documentId)) numbers.set(documentId, numbers.size + 1);
      counts.set(documentId, (counts.get(documentId) ?? 0) + 1);
    }
  }
  const sources = [...numbers.entries()].map(([documentId, number]): PictureSource => {
    const document = documents.get(documentId);
    return {
      number,
      documentId,
      title: document ? titleIn(document, language) : documentId,
      publisher: document?.kind === 'Document' ? document.publisher : undefined,
      publishedOn: document?.kind === 'Document' ? document.publishedOn : undefined,
      url: document?.kind === 'Document' ? document.url : undefined,
      citedBy: counts.get(documentId) ?? 0,
      quotes: [...(quotes.get(documentId)?.values() ?? [])],
    };
  });
  return {
    sources,
    numbersOf: (fact) =>
      [...new Set(fact.citations.map((c) => numbers.get(c.documentId) ?? 0))].filter((n) => n > 0).sort((a, b) => a - b),
  };
}

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;
/** Greek, Cyrillic, Hebrew, Arabic, the scripts of Asia...: anything an English or Spanish reader may not read. */
const NON_LATIN = /[\u0370-\u1DFF\u2E80-\uFFFF]/;

/**
 * A document's title for a reader of `language`: the title itself when the document is in that language
 * (or says nothing about its language); otherwise a name or alias written in the language's script (an
 * Arabic-script alias for Arabic; a Latin-script one for English and Spanish, which cannot be told apart
 * by script); otherwise the original title.
 */
export function titleIn(document: Entity, language: PictureLanguage): string {
  const original = document.kind === 'Document' ? document.title : document.name;
  const own = document.kind === 'Document' ? document.language?.split('-')[0] : undefined;
  if (!own || own === language) return original;
  const candidates = [document.name, ...document.aliases].filter((c) => c !== original);
  const fits = language === 'ar' ? (c: string) => ARABIC_SCRIPT.test(c) : (c: string) => !NON_LATIN.test(c);
  // The language of the original decides nothing more: a Latin title is already readable in en/es.
  if (fits(original)) return original;
  return candidates.find(fits) ?? original;
}
