/** Whether this browser can give Cytoscape's WebGL renderer the WebGL 2 context it needs. */
export function webglAvailable(): boolean {
  try {
    return document.createElement('canvas').getContext('webgl2') !== null;
  } catch {
    return false;
  }
}
