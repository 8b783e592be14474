/**
 * `/s/<id>`: the read-only view of one snapshot for anyone with the link, with its story and exports.
 * `?embed=1` is the same map for another site's page: no export or language menus, a link to the full
 * view. A draft opened without a token says it is an unpublished draft, and nothing more about it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Snapshot } from '../../../../schemas/index.js';
import { ApiRequestError, errorMessage } from '../../api/client.js';
import { shareUrl, snapshotApi } from '../../api/snapshots.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { ExportMenu } from './ExportMenu.js';
import { SnapshotViewer } from './SnapshotViewer.js';

type Load =
  { status: 'loading' } | { status: 'ready'; snapshot: Snapshot } | { status: 'draft' } | { status: 'error'; message: string };

export function ShareView({ id, embedded = false }: { readonly id: string; readonly embedded?: boolean }) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    snapshotApi.get(id).then(
      (snapshot) => live && setLoad({ status: 'ready', snapshot }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiRequestError && error.code === 'unpublished_draft') setLoad({ status: 'draft' });
        else setLoad({ status: 'error', message: errorMessage(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [id]);
  useEffect(() => {
    if (load.status === 'ready') document.title = `${load.snapshot.content.title} · Interlock`;
  }, [load]);

  if (load.status === 'loading') return <p className="snapshot-viewer__meta">{t('snapshots.loading')}</p>;
  if (load.status === 'draft')
    return (
      <div className="snapshot-viewer__notice" role="alert" data-testid="share-draft">
        <p>{t('snapshots.draftOnly')}</p>
        <p className="muted">{t('snapshots.signInToSee')}</p>
        {!embedded && <a href="/">{t('snapshots.openExplorer')}</a>}
      </div>
    );
  if (load.status === 'error')
    return (
      <div className="snapshot-viewer__notice" role="alert">
        <p>{t('snapshots.notFound')}</p>
        <p className="muted">{load.message}</p>
        {!embedded && <a href="/">{t('snapshots.openExplorer')}</a>}
      </div>
    );
  return (
    <SnapshotViewer
      snapshot={load.snapshot}
      embedded={embedded}
      actions={
        embedded ? (
          <a className="button button--quiet" href={shareUrl(load.snapshot.id)} target="_blank" rel="noreferrer">
            {t('snapshots.openFull')}
          </a>
        ) : (
          <>
            <ExportMenu snapshotId={load.snapshot.id} />
            <LanguageSwitch />
            <a className="button button--quiet" href="/">
              {t('snapshots.openExplorer')}
            </a>
          </>
        )
      }
    />
  );
}
