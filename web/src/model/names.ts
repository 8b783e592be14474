/** Which of an entity's names to show for the reader's language. */
import type { GraphNode } from '../../../schemas/index.js';

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;

/**
 * The alias written in the language's script when there is one (an Arabic-script alias for Arabic),
 * otherwise the canonical name. Latin-script languages cannot be told apart by script, so English and
 * Spanish keep the canonical name; the side panel always shows it as well.
 */
export function localName(node: Pick<GraphNode, 'name' | 'aliases'>, language: string): string {
  if (language === 'ar') return node.aliases.find((a) => ARABIC_SCRIPT.test(a)) ?? node.name;
  return node.name;
}
