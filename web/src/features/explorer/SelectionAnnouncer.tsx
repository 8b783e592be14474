/**
 * Says, politely, what the selection now is, so a screen-reader user moving over the canvas with the
 * arrow keys hears where they landed ("Selected: Vincent Line (Person), 3 neighbours on the canvas").
 */
import { useTranslation } from 'react-i18next';
import type { GraphNode } from '../../../../schemas/index.js';
import { neighbourIds } from '../../model/index.js';
import type { Selection, ViewGraph } from '../../model/index.js';

interface SelectionAnnouncerProps {
  readonly view: ViewGraph;
  readonly selection: Selection;
  readonly nameOf: (node: GraphNode) => string;
}

export function SelectionAnnouncer({ view, selection, nameOf }: SelectionAnnouncerProps) {
  const { t } = useTranslation();
  const node = selection?.kind === 'node' ? view.nodes.get(selection.id) : undefined;
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="selection-announcer">
      {node &&
        t('keyboard.selected', {
          name: nameOf(node),
          kind: t(`kinds.${node.kind}`),
          count: neighbourIds(view, node.id).length,
        })}
    </p>
  );
}
