/** Refusals of the snapshot service, answered as `{error:{code, message, field}}` by the error handler. */
export class SnapshotRequestError extends Error {
  constructor(
    readonly statusCode: 400 | 403 | 409,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'SnapshotRequestError';
  }
}

/**
 * A draft asked for without a token. Its id is random and the visitor holds the link, so saying that it
 * exists is no leak; its title and content stay hidden until it is published.
 */
export class UnpublishedDraftError extends SnapshotRequestError {
  constructor() {
    super(
      403,
      'unpublished_draft',
      'This snapshot is an unpublished draft: only people signed in with a token can see it until it is published.',
    );
    this.name = 'UnpublishedDraftError';
  }
}
