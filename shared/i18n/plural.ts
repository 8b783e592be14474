/**
 * Arabic has six plural forms (zero, one, two, few, many, other) where English has two; i18next
 * falls back to English for a form that is missing, so Arabic strings with a count give all six.
 * This spreads them under the key's suffixes while the type checks the two English ones exist.
 */
export interface ArabicForms {
  readonly zero: string;
  readonly one: string;
  readonly two: string;
  readonly few: string;
  readonly many: string;
  readonly other: string;
}

export function arabicPlural<K extends string>(key: K, forms: ArabicForms): Record<`${K}_one` | `${K}_other`, string> {
  return Object.fromEntries(Object.entries(forms).map(([form, text]) => [`${key}_${form}`, text])) as Record<
    `${K}_one` | `${K}_other`,
    string
  >;
}
