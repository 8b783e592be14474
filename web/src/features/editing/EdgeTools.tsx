/** Edit or delete the selected connection, from the side panel. */
import { useTranslation } from 'react-i18next';
import type { GraphEdge } from '../../../../schemas/index.js';
import type { ViewGraph } from '../../model/index.js';
import type { Endpoint } from './drafts.js';
import { useEditingActions } from './store.js';
import './editing.css';

export function EdgeTools({ edge, view }: { readonly edge: GraphEdge; readonly view: ViewGraph }) {
  const { t } = useTranslation();
  const editing = useEditingActions();
  const end = (id: string): Endpoint | undefined => {
    const node = view.nodes.get(id);
    return node && { id, name: node.name, kind: node.kind };
  };
  return (
    <div className="edge-tools">
      <button
        type="button"
        className="button button--small"
        onClick={() => editing.open({ form: 'relationship', edge, source: end(edge.source), target: end(edge.target) })}
      >
        {t('editing.edit')}
      </button>
      <button
        type="button"
        className="button button--small button--danger"
        onClick={() => {
          if (window.confirm(t('editing.confirmDeleteEdge'))) void editing.deleteRelationship(edge);
        }}
      >
        {t('editing.delete')}
      </button>
    </div>
  );
}
