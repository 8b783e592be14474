/**
 * What a picture (SVG, PNG) may hold. A map of thousands of entities cannot be read as a picture, and
 * drawing one took over a minute and tens of megabytes: past these caps the export is refused (413)
 * with what to do instead, before any drawing starts.
 */
import type { ExportInput } from './context.js';

/** Entities and relationships on one picture. */
export const MAX_PICTURE_ELEMENTS = 2_000;
/** Pixels of one PNG: a large map is drawn smaller, down to half size, to stay under this. */
export const MAX_PNG_PIXELS = 48_000_000;
export const MIN_PNG_ZOOM = 0.5;

/** A picture past the caps: HTTP 413. */
export class PictureTooLargeError extends Error {
  readonly statusCode = 413;
  readonly code = 'picture_too_large';
  constructor(message: string) {
    super(message);
    this.name = 'PictureTooLargeError';
  }
}

/** Says what is too large, and what to do instead. */
export function pictureTooLarge(what: string): PictureTooLargeError {
  return new PictureTooLargeError(`${what} Export a smaller part of the map, or use HTML, GraphML or JSON, which hold any size.`);
}

export function checkPictureSize({ snapshot }: ExportInput): void {
  const elements = snapshot.content.entities.length + snapshot.content.relationships.length;
  if (elements > MAX_PICTURE_ELEMENTS)
    throw pictureTooLarge(`This map has ${elements} entities and connections; a picture holds at most ${MAX_PICTURE_ELEMENTS}.`);
}
