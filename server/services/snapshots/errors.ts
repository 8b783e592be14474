/** Refusals of the snapshot service, answered as `{error:{code, message, field}}` by the error handler. */
export class SnapshotRequestError extends Error {
  constructor(
    readonly statusCode: 400 | 409,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'SnapshotRequestError';
  }
}
