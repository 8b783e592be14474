/**
 * The Conflicts tab's answer: the stored findings for an entity filter, asked again every 2 s while the
 * server says they are `updating` (an edit or import being taken in), so a new finding shows without a
 * reload. The previous answer stays on screen while the next one loads.
 */
import { useEffect, useState } from 'react';
import type { ConflictsResponse } from '../../../schemas/index.js';
import { api, errorMessage, isAbort } from '../api/client.js';

const POLL_MS = 2_000;

export type FindingsAnswer =
  | { readonly status: 'loading'; readonly value?: undefined }
  | { readonly status: 'ready'; readonly value: ConflictsResponse }
  | { readonly status: 'error'; readonly message: string; readonly value?: undefined };

export function useFindings(entity: string | undefined): FindingsAnswer {
  const [answer, setAnswer] = useState<{ readonly entity: string | undefined; readonly loaded: FindingsAnswer }>();
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      api.conflicts({ ...(entity ? { entity } : {}), signal: controller.signal }).then(
        (value) => {
          setAnswer({ entity, loaded: { status: 'ready', value } });
          if (value.status === 'updating') timer = setTimeout(load, POLL_MS);
        },
        (error: unknown) => {
          if (!isAbort(error)) setAnswer({ entity, loaded: { status: 'error', message: errorMessage(error) } });
        },
      );
    };
    load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [entity]);
  return answer && answer.entity === entity ? answer.loaded : { status: 'loading' };
}
