/** One GET answer for a key, reloaded when the key changes and abandoned when it changes again. */
import { useEffect, useRef, useState } from 'react';
import { errorMessage, isAbort } from './client.js';
import type { Loaded } from './useEntity.js';

/**
 * `key` says what is being asked (e.g. "conflicts?entity=person:x"); `load` is read through a ref so
 * callers can pass an inline function without re-running the request on every render.
 */
export function useQuery<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [answer, setAnswer] = useState<{ readonly key: string; readonly loaded: Loaded<T> }>();
  useEffect(() => {
    const controller = new AbortController();
    loadRef.current(controller.signal).then(
      (value) => setAnswer({ key, loaded: { status: 'ready', value } }),
      (error: unknown) => {
        if (!isAbort(error)) setAnswer({ key, loaded: { status: 'error', message: errorMessage(error) } });
      },
    );
    return () => controller.abort();
  }, [key]);
  // An answer to an earlier key is not an answer to this one.
  return answer?.key === key ? answer.loaded : { status: 'loading' };
}
