/**
 * Shows its children only to callers whose token allows writing (editor or admin, outside public
 * read-only mode). Wrap every control that changes data in it: `<WhenAllowed><EditButton/></WhenAllowed>`.
 */
import type { ReactNode } from 'react';
import { useCanWrite } from './useAccess.js';

export function WhenAllowed({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  return <>{useCanWrite() ? children : fallback}</>;
}
