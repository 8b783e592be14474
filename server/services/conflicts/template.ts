/**
 * The small template language of pattern headers, so a pattern file can say how its findings read, in
 * each of the reader's languages (`@title`, `@title.es`, `@title.ar`, and `@phrase` lines):
 *   {name}          a fact from the pattern's `facts` map
 *   {name|money}    a number as money: 750000 -> "$750,000"; an {amount, currency} map, or a list of them as
 *                   "€100,000 and $5,000" (amounts in different currencies are never added)
 *   {name|list}     a list joined as "A, B and C" (in the reader's language)
 *   {name|lower}    a role inside a sentence: "Sheriff" -> "sheriff", while "IT Director" and other
 *                   words that are not simply capitalised stay as written (a list is joined as with list)
 *   {name|phrase}   a fact that is a code, not words: the phrase `<name>.<code>` of the pattern header, in
 *   {name|phrase:group}  the reader's language, rendered with the facts; a map `{kind, ...}` picks the
 *                   phrase `<group>.<kind>` and lends its own values to it; a list renders each and joins them
 *   [ ... ]         an optional part, left out when any fact inside it is missing or empty
 */
import { LOCALE_OF, type Language } from '../../../schemas/language.js';
import { largestFirst } from './money.js';

type Facts = Readonly<Record<string, unknown>>;

export interface RenderOptions {
  readonly language?: Language;
  /** The pattern's phrases in the reader's language (English where a phrase lacks a translation). */
  readonly phrases?: Readonly<Record<string, string>>;
}

const PLACEHOLDER = /\{(\w+)(?:\|(\w+)(?::(\w+))?)?\}/g;

const NO_CURRENCY: Readonly<Record<Language, string>> = {
  en: 'currency not given',
  es: 'moneda no indicada',
  ar: 'العملة غير مذكورة',
};

// Building an Intl formatter costs far more than using one: keep one per language, currency and precision.
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, currency: string | null, digits: number): Intl.NumberFormat {
  const key = `${language}:${currency}:${digits}`;
  let format = formats.get(key);
  if (!format) {
    // English money reads as the sources write it ("$750,000"), so en keeps the US conventions.
    const locale = language === 'en' ? 'en-US' : LOCALE_OF[language];
    format = new Intl.NumberFormat(
      locale,
      currency === null
        ? { maximumFractionDigits: 2 }
        : { style: 'currency', currency, maximumFractionDigits: digits, minimumFractionDigits: digits },
    );
    formats.set(key, format);
  }
  return format;
}

export function formatMoney(value: unknown, currency?: unknown, language: Language = 'en'): string | null {
  if (Array.isArray(value)) {
    // Totals in the order the Money panel gives them (largest first, unknown currency last), whatever
    // order the query gathered them in.
    const totals = value.every((t) => typeof (t as { amount?: unknown } | null)?.amount === 'number')
      ? [...(value as { amount: number; currency?: string | null }[])]
          .map((t) => ({ ...t, currency: t.currency ?? null }))
          .sort(largestFirst)
      : value;
    const parts = totals.flatMap((t: unknown) => {
      const total = t as { amount?: unknown; currency?: unknown };
      const text = formatMoney(total.amount, total.currency ?? null, language);
      return text === null ? [] : [text];
    });
    return parts.length ? formatList(parts, language) : null;
  }
  if (typeof value === 'object' && value !== null && 'amount' in value) {
    const total = value as { amount: unknown; currency?: unknown };
    return formatMoney(total.amount, total.currency ?? null, language);
  }
  const amount = typeof value === 'number' ? value : null;
  if (amount === null) return null;
  // An amount without a currency is shown as a number, never dressed up as dollars.
  if (currency === null) return `${numberFormat(language, null, 2).format(amount)} (${NO_CURRENCY[language]})`;
  const code = typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : 'USD';
  return numberFormat(language, code, amount % 1 === 0 ? 0 : 2).format(amount);
}

const listFormats = new Map<Language, Intl.ListFormat>();
/** "A, B and C" / "A, B y C" / "A وB وC": the reader's language's own conjunction. */
export function formatList(items: readonly string[], language: Language = 'en'): string {
  if (items.length <= 1) return items.join('');
  let format = listFormats.get(language);
  if (!format) {
    format = new Intl.ListFormat(LOCALE_OF[language], { type: 'conjunction', style: 'long' });
    listFormats.set(language, format);
  }
  return format.format(items);
}

/** Lower-cases the first letter of a capitalised word only: an acronym (IT, CEO) keeps its capitals. */
export function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

interface Context {
  readonly language: Language;
  readonly phrases: Readonly<Record<string, string>>;
  readonly depth: number;
}

function renderPhrase(value: unknown, group: string, facts: Facts, context: Context): string | null {
  if (context.depth > 4) throw new Error(`phrase "${group}" refers to itself`);
  if (Array.isArray(value)) {
    const parts = value.flatMap((v) => renderPhrase(v, group, facts, context) ?? []);
    return parts.length ? formatList([...new Set(parts)], context.language) : null;
  }
  const inner = { ...context, depth: context.depth + 1 };
  if (typeof value === 'object' && value !== null && 'kind' in value) {
    const map = value as Record<string, unknown>;
    const phrase = context.phrases[`${group}.${String(map.kind)}`];
    return phrase === undefined ? null : render(phrase, { ...facts, ...map }, inner);
  }
  const phrase = context.phrases[`${group}.${String(value)}`];
  // A finding stored before its pattern coded this fact holds words, not a code: they are shown as they are.
  if (phrase === undefined) return typeof value === 'string' && /\s/.test(value) ? value : null;
  return render(phrase, facts, inner);
}

function renderValue(facts: Facts, name: string, format: string | undefined, arg: string | undefined, context: Context) {
  const value = facts[name];
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  switch (format) {
    case 'money':
      return formatMoney(value, facts[`${name}Currency`] ?? facts.currency, context.language);
    case 'list':
    case 'lower': {
      const items = (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== '').map(String);
      const words = format === 'lower' ? items.map(lowerFirst) : items;
      return words.length ? formatList([...new Set(words)], context.language) : null;
    }
    case 'phrase':
      return renderPhrase(value, arg ?? name, facts, context);
    case undefined:
      return Array.isArray(value) ? formatList(value.map(String), context.language) : String(value);
    default:
      throw new Error(`unknown template format "${format}"`);
  }
}

function renderPart(part: string, facts: Facts, context: Context): string | null {
  let missing = false;
  const text = part.replace(PLACEHOLDER, (_match, name: string, format?: string, arg?: string) => {
    const value = renderValue(facts, name, format, arg, context);
    if (value === null) missing = true;
    return value ?? '';
  });
  return missing ? null : text;
}

function render(template: string, facts: Facts, context: Context): string {
  // Optional parts first (no nesting), then the rest; a missing required fact renders as "?".
  const withOptional = template.replace(/\[([^\]]*)\]/g, (_match, part: string) => renderPart(part, facts, context) ?? '');
  return withOptional
    .replace(
      PLACEHOLDER,
      (_match, name: string, format?: string, arg?: string) => renderValue(facts, name, format, arg, context) ?? '?',
    )
    .replace(/\s+([,.;،؛])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

export function renderTemplate(template: string, facts: Facts, options: RenderOptions = {}): string {
  return render(template, facts, { language: options.language ?? 'en', phrases: options.phrases ?? {}, depth: 0 });
}
