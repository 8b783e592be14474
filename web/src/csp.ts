/**
 * The page runs under a strict content-security policy (no eval, no inline styles or scripts; see
 * server/plugins/external/security.ts). Two libraries would otherwise trip it on start:
 * - zod tests whether it may compile validators with `new Function`; jitless mode never tries.
 * - Cytoscape adds a `<style>` element for its container's `position: relative` unless an element with
 *   its stylesheet id exists; the rule lives in csp.css instead, loaded from our own origin.
 */
import { z } from 'zod';
import './csp.css';

z.config({ jitless: true });

const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';
if (!document.getElementById(CYTOSCAPE_STYLESHEET_ID)) {
  const marker = document.createElement('meta');
  marker.id = CYTOSCAPE_STYLESHEET_ID;
  document.head.prepend(marker);
}
