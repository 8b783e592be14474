/**
 * The small template language of pattern headers, so a pattern file can say how its findings read:
 *   {name}          a fact from the pattern's `facts` map
 *   {name|money}    a number (or {amount, currency} map) as money: 750000 -> "$750,000"
 *   {name|list}     a list joined as "A, B and C"
 *   [ ... ]         an optional part, left out when any fact inside it is missing or empty
 */
type Facts = Readonly<Record<string, unknown>>;

const PLACEHOLDER = /\{(\w+)(?:\|(\w+))?\}/g;

// Building an Intl.NumberFormat costs far more than using one: keep one per currency and precision.
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(value: unknown, currency?: unknown): string | null {
  const amount = typeof value === 'number' ? value : null;
  if (amount === null) return null;
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
    case 'list': {
      const items = (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== '').map(String);
      return items.length ? formatList([...new Set(items)]) : null;
    }
    case undefined:
      return Array.isArray(value) ? formatList(value.map(String)) : String(value);
    default:
      throw new Error(`unknown template format "${format}"`);
  }
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
