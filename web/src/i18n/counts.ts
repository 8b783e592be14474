/** "1 entity", "30 entities" in the reader's language (i18next plural forms; Arabic has six). */
import type { TFunction } from 'i18next';

export function countWords(
  t: TFunction,
  counts: { entities: number; connections: number },
): { entities: string; connections: string } {
  return {
    entities: t('counts.entities', { count: counts.entities }),
    connections: t('counts.connections', { count: counts.connections }),
  };
}
