/**
 * What WebGL 2 this browser offers Cytoscape: none, a software one (SwiftShader, llvmpipe: no GPU,
 * so every frame is drawn by the CPU and read back, far slower than the 2D canvas), or a real GPU.
 */
export type WebglSupport = 'none' | 'software' | 'hardware';

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export function webglSupport(): WebglSupport {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'none';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    return SOFTWARE.test(renderer) ? 'software' : 'hardware';
  } catch {
    return 'none';
  }
}
