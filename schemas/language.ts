/**
 * The reader's languages, shared by the API (findings rendered in the asked language) and the page
 * (its menu, and which of an entity's names it shows).
 */
import { z } from 'zod';

export const Language = z.enum(['en', 'es', 'ar']);
export type Language = z.infer<typeof Language>;

/** Locales for numbers and lists; Arabic keeps Western digits, as the dates and sources use them. */
export const LOCALE_OF: Readonly<Record<Language, string>> = { en: 'en-GB', es: 'es-ES', ar: 'ar-u-nu-latn' };

/**
 * The first of a list of language tags (navigator.languages, or Accept-Language in order of weight)
 * that we speak, by its primary subtag ("es-MX" -> "es"); undefined when none is.
 */
export function firstSupported(tags: readonly string[]): Language | undefined {
  for (const tag of tags) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    const parsed = Language.safeParse(primary);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

/** The language tags of an Accept-Language header, highest weight first ("ar;q=0.9, es" -> es, ar). */
export function acceptLanguageTags(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => t.tag && t.tag !== '*' && t.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((t) => t.tag);
}

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;

/**
 * Which of an entity's names to show a reader: the alias written in the language's script when there is
 * one (an Arabic-script alias for Arabic), otherwise the canonical name. Latin-script languages cannot be
 * told apart by script, so English and Spanish keep the canonical name.
 */
export function localName(
  node: { readonly name: string; readonly aliases?: readonly string[] | undefined },
  language: string,
): string {
  if (language === 'ar') return node.aliases?.find((a) => ARABIC_SCRIPT.test(a)) ?? node.name;
  return node.name;
}
