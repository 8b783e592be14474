/** `/s/<id>`: the read-only view of one snapshot for anyone with the link, with its story and exports. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Snapshot } from '../../../../schemas/index.js';
import { errorMessage } from '../../api/client.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { ExportMenu } from './ExportMenu.js';
import { snapshotApi } from '../../api/snapshots.js';
import { SnapshotViewer } from './SnapshotViewer.js';

type Load = { status: 'loading' } | { status: 'ready'; snapshot: Snapshot } | { status: 'error'; message: string };

export function ShareView({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    snapshotApi.get(id).then(
      (snapshot) => live && setLoad({ status: 'ready', snapshot }),
      (error: unknown) => live && setLoad({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  useEffect(() => {
    if (load.status === 'ready') document.title = `${load.snapshot.content.title} · Interlock`;
  }, [load]);

  if (load.status === 'loading') return <p className="snapshot-viewer__meta">{t('snapshots.loading')}</p>;
  if (load.status === 'error')
    return (
      <div className="snapshot-viewer__header" role="alert">
        <p>{t('snapshots.notFound')}</p>
        <p className="muted">{load.message}</p>
        <a href="/">{t('snapshots.openExplorer')}</a>
      </div>
    );
  return (
    <SnapshotViewer
      snapshot={load.snapshot}
      actions={
        <>
          <ExportMenu snapshotId={load.snapshot.id} />
          <LanguageSwitch />
          <a className="button button--quiet" href="/">
            {t('snapshots.openExplorer')}
          </a>
        </>
      }
    />
  );
}
