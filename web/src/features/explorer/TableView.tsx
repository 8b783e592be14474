/**
 * The table alternative to the canvas: every entity and every connection on it, with their sources,
 * as two tables a screen reader can walk cell by cell. Each column heading is a button that sorts by
 * that column (again to reverse), and the heading says how it is sorted with `aria-sort`.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphNode } from '../../../../schemas/index.js';
import { ariaSort, connectionRows, edgeLabel, entityRows, formatPeriod, nextSort, sortRows } from '../../model/index.js';
import type { ConnectionRow, EntityRow, SortState, SortValue, ViewGraph } from '../../model/index.js';
import { useWording } from '../../i18n/wording.js';
import { useDocuments } from '../../api/queries.js';
import { KindIcon } from '../../components/KindIcon.js';
import './TableView.css';

interface TableViewProps {
  readonly view: ViewGraph;
  readonly nameOf: (node: GraphNode) => string;
  readonly onSelectNode: (id: string) => void;
  readonly onSelectEdge: (id: string) => void;
}

type EntityKey = 'name' | 'kind' | 'degree';
type ConnectionKey = 'from' | 'connection' | 'to' | 'period' | 'status' | 'sources';

export function TableView({ view, nameOf, onSelectNode, onSelectEdge }: TableViewProps) {
  const { t, i18n } = useTranslation();
  const words = useWording();
  const [entitySort, setEntitySort] = useState<SortState<EntityKey>>();
  const [connectionSort, setConnectionSort] = useState<SortState<ConnectionKey>>();
  const name = (id: string) => {
    const node = view.nodes.get(id);
    return node ? nameOf(node) : id;
  };

  const entityValue: Record<EntityKey, (row: EntityRow) => SortValue> = {
    name: (row) => nameOf(row.node),
    kind: (row) => t(`kinds.${row.kind}`),
    degree: (row) => row.connections,
  };
  const connectionValue: Record<ConnectionKey, (row: ConnectionRow) => SortValue> = {
    from: (row) => name(row.source),
    connection: (row) => words.type(row.type),
    to: (row) => name(row.target),
    period: (row) => row.start,
    status: (row) => t(`filter.statuses.${row.status}`),
    sources: (row) => row.sources,
  };
  const sorted = <R, K extends string>(rows: R[], sort: SortState<K> | undefined, value: Record<K, (row: R) => SortValue>) =>
    sort ? sortRows(rows, sort.direction, value[sort.key], i18n.language) : rows;
  const entities = sorted(entityRows(view), entitySort, entityValue);
  const connections = sorted(connectionRows(view), connectionSort, connectionValue);

  const header = <K extends string>(key: K, label: string, sort: SortState<K> | undefined, set: (s: SortState<K>) => void) => (
    <th scope="col" aria-sort={ariaSort(sort, key)} key={key}>
      <button type="button" className="sort-button" onClick={() => set(nextSort(sort, key))} data-testid={`sort-${key}`}>
        {label}
        <span className="sort-button__mark" aria-hidden="true">
          {sort?.key === key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );

  return (
    <div className="table-view" data-testid="table-view">
      <table data-testid="entity-table">
        <caption>{t('table.entitiesCaption', { count: entities.length })}</caption>
        <thead>
          <tr>
            {header('name', t('table.name'), entitySort, setEntitySort)}
            {header('kind', t('table.kind'), entitySort, setEntitySort)}
            {header('degree', t('table.degree'), entitySort, setEntitySort)}
          </tr>
        </thead>
        <tbody>
          {entities.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelectNode(row.id)} dir="auto">
                  {nameOf(row.node)}
                </button>
              </th>
              <td>
                <KindIcon kind={row.kind} size={14} /> {t(`kinds.${row.kind}`)}
              </td>
              <td className="table-view__num">{row.connections}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table data-testid="connection-table">
        <caption>{t('table.connectionsCaption', { count: connections.length })}</caption>
        <thead>
          <tr>
            {header('from', t('table.from'), connectionSort, setConnectionSort)}
            {header('connection', t('table.connection'), connectionSort, setConnectionSort)}
            {header('to', t('table.to'), connectionSort, setConnectionSort)}
            {header('period', t('table.period'), connectionSort, setConnectionSort)}
            {header('status', t('table.status'), connectionSort, setConnectionSort)}
            {header('sources', t('table.sources'), connectionSort, setConnectionSort)}
          </tr>
        </thead>
        <tbody>
          {connections.map((row) => (
            <tr key={row.id}>
              <td dir="auto">{name(row.source)}</td>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelectEdge(row.id)}>
                  {edgeLabel(row.edge, view.nodes, { words })}
                </button>
              </th>
              <td dir="auto">{name(row.target)}</td>
              <td>{formatPeriod(row.edge, words) || '—'}</td>
              <td>{t(`filter.statuses.${row.status}`)}</td>
              <td>
                <SourceList edge={row.edge} view={view} nameOf={nameOf} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Press release: line 24, line 31": the documents cited, each with the places in it. */
function SourceList({
  edge,
  view,
  nameOf,
}: {
  readonly edge: ConnectionRow['edge'];
  readonly view: ViewGraph;
  readonly nameOf: (node: GraphNode) => string;
}) {
  const byDocument = new Map<string, string[]>();
  for (const c of edge.citations) byDocument.set(c.documentId, [...(byDocument.get(c.documentId) ?? []), c.locator]);
  // Documents not on the canvas are named from the shared entity cache (one request per document).
  const loaded = useDocuments([...byDocument.keys()]);
  return (
    <ul className="table-view__sources">
      {[...byDocument].map(([documentId, locators]) => {
        const doc = view.nodes.get(documentId) ?? loaded.get(documentId);
        return (
          <li key={documentId}>
            <span dir="auto">{doc ? nameOf(doc) : documentId}</span>: {[...new Set(locators)].join(', ')}
          </li>
        );
      })}
    </ul>
  );
}
