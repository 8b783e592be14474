/**
 * Around an entity's details in the side panel: Details and History tabs, and the tools to edit it,
 * connect it to something, or delete it. The details are read again after every change.
 */
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphNode } from '../../../../schemas/index.js';
import { useQueryClient } from '@tanstack/react-query';
import { queries } from '../../api/queries.js';
import { HistoryTab } from './HistoryTab.js';
import { useEditingActions } from './store.js';
import './editing.css';
import { WhenAllowed } from '../access/WhenAllowed.js';

type Tab = 'details' | 'history';

export function EntityPanel({ node, children }: { readonly node: GraphNode; readonly children: ReactNode }) {
  const { t } = useTranslation();
  const editing = useEditingActions();
  const cache = useQueryClient();
  const [tab, setTab] = useState<Tab>('details');
  const baseId = useId();
  const remove = async () => {
    const detail = await cache.fetchQuery(queries.entity(node.id)).catch(() => undefined);
    const count = detail?.relationships.length ?? 0;
    if (window.confirm(t('editing.confirmDeleteEntity', { name: node.name, count }))) await editing.deleteEntity(node);
  };
  return (
    <div className="entity-panel">
      <div className="entity-panel__bar">
        <div role="tablist" aria-label={t('editing.tabs.label')} className="entity-panel__tabs">
          {(['details', 'history'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`${baseId}-${id}`}
              aria-controls={`${baseId}-${id}-panel`}
              aria-selected={tab === id}
              className="entity-panel__tab"
              onClick={() => setTab(id)}
            >
              {t(`editing.tabs.${id}`)}
            </button>
          ))}
        </div>
        <WhenAllowed>
          <span className="entity-panel__tools">
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => editing.open({ form: 'entity', node })}
            >
              {t('editing.edit')}
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => editing.open({ form: 'relationship', source: { id: node.id, name: node.name, kind: node.kind } })}
            >
              {t('editing.addConnection')}
            </button>
            <button type="button" className="button button--quiet button--small button--danger" onClick={() => void remove()}>
              {t('editing.delete')}
            </button>
          </span>
        </WhenAllowed>
      </div>
      <div role="tabpanel" id={`${baseId}-details-panel`} aria-labelledby={`${baseId}-details`} hidden={tab !== 'details'}>
        {/* After each change the details (and their connections) are read again: the cache was told. */}
        {children}
      </div>
      <div
        role="tabpanel"
        id={`${baseId}-history-panel`}
        aria-labelledby={`${baseId}-history`}
        hidden={tab !== 'history'}
        className="entity-panel__history"
      >
        {tab === 'history' && <HistoryTab entityId={node.id} />}
      </div>
    </div>
  );
}
