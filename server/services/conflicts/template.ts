/**
 * The small template language of pattern headers, so a pattern file can say how its findings read:
 *   {name}          a fact from the pattern's `facts` map
 *   {name|money}    a number as money: 750000 -> "$750,000"; an {amount, currency} map, or a list of them as
 *                   "€100,000 and $5,000" (amounts in different currencies are never added)
 *   {name|list}     a list joined as "A, B and C"
 *   {name|lower}    a role inside a sentence: "Sheriff" -> "sheriff", while "IT Director" and other
 *                   words that are not simply capitalised stay as written (a list is joined as with list)
 *   [ ... ]         an optional part, left out when any fact inside it is missing or empty
 */
type Facts = Readonly<Record<string, unknown>>;

const PLACEHOLDER = /\{(\w+)(?:\|(\w+))?\}/g;

// Building an Intl.NumberFormat costs far more than using one: keep one per currency and precision.
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(value: unknown, currency?: unknown): string | null {
  if (Array.isArray(value)) {
    const parts = value.flatMap((t: unknown) => {
      const total = t as { amount?: unknown; currency?: unknown };
      const text = formatMoney(total.amount, total.currency ?? null);
      return text === null ? [] : [text];
    });
    return parts.length ? formatList(parts) : null;
  }
  if (typeof value === 'object' && value !== null && 'amount' in value) {
    const total = value as { amount: unknown; currency?: unknown };
    return formatMoney(total.amount, total.currency ?? null);
  }
  const amount = typeof value === 'number' ? value : null;
  if (amount === null) return null;
  // An amount without a currency is shown as a number, never dressed up as dollars.
  if (currency === null)
    return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(amount)} (currency not given)`;
  const code = typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : 'USD';
  const digits = amount % 1 === 0 ? 0 : 2;
  const key = `${code}:${digits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency: code, maximumFractionDigits: digits });
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}

export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function renderValue(facts: Facts, name: string, format: string | undefined): string | null {
  const value = facts[name];
  if (value === null || value === undefined || value === '') return null;
  switch (format) {
    case 'money':
      return formatMoney(value, facts[`${name}Currency`] ?? facts.currency);
    case 'list':
    case 'lower': {
      const items = (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== '').map(String);
      const words = format === 'lower' ? items.map(lowerFirst) : items;
      return words.length ? formatList([...new Set(words)]) : null;
    }
    case undefined:
      return Array.isArray(value) ? formatList(value.map(String)) : String(value);
    default:
      throw new Error(`unknown template format "${format}"`);
  }
}

/** Lower-cases the first letter of a capitalised word only: an acronym (IT, CEO) keeps its capitals. */
export function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function renderPart(part: string, facts: Facts): string | null {
  let missing = false;
  const text = part.replace(PLACEHOLDER, (_match, name: string, format: string | undefined) => {
    const value = renderValue(facts, name, format);
    if (value === null) missing = true;
    return value ?? '';
  });
  return missing ? null : text;
}

export function renderTemplate(template: string, facts: Facts): string {
  // Optional parts first (no nesting), then the rest; a missing required fact renders as "?".
  const withOptional = template.replace(/\[([^\]]*)\]/g, (_match, part: string) => renderPart(part, facts) ?? '');
  return withOptional
    .replace(PLACEHOLDER, (_match, name: string, format: string | undefined) => renderValue(facts, name, format) ?? '?')
    .replace(/\s+([,.;])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
