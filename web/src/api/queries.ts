/** Entity details and document metadata for the side panel, loaded through the shared cache. */
import { useEffect, useState } from 'react';
import type { Entity, EntityDetailResponse } from '../../../schemas/index.js';
import { loadEntity } from './entityCache.js';
import { errorMessage } from './client.js';

export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly message: string };

export function useEntityDetail(id: string): Loaded<EntityDetailResponse> {
  const [answer, setAnswer] = useState<{ readonly id: string; readonly loaded: Loaded<EntityDetailResponse> }>();
  useEffect(() => {
    let live = true;
    loadEntity(id).then(
      (value) => live && setAnswer({ id, loaded: { status: 'ready', value } }),
      (error: unknown) => live && setAnswer({ id, loaded: { status: 'error', message: errorMessage(error) } }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  // An answer for the previously selected id is stale: show loading rather than the wrong entity.
  return answer?.id === id ? answer.loaded : { status: 'loading' };
}

export type DocumentEntity = Extract<Entity, { kind: 'Document' }>;

/** The Document entities behind a list of citations, as they arrive; missing ones stay undefined. */
export function useDocuments(ids: readonly string[]): ReadonlyMap<string, DocumentEntity> {
  const [documents, setDocuments] = useState<ReadonlyMap<string, DocumentEntity>>(new Map());
  const key = [...new Set(ids)].sort().join('|');
  useEffect(() => {
    let live = true;
    for (const id of key.split('|').filter(Boolean)) {
      loadEntity(id).then(
        ({ entity }) => {
          if (live && entity.kind === 'Document') setDocuments((prev) => new Map(prev).set(id, entity));
        },
        // A document we cannot load still has its id and quote shown; nothing else to do.
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [key]);
  return documents;
}
