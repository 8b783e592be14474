/**
 * One read shared by every caller who asks while it is on its way, without ever answering a caller with
 * what was read before it asked: a caller who arrives while a read runs waits for the next one, which
 * starts when that read ends and answers everyone who arrived meanwhile. So a reader is told nothing
 * older than its ask (a write it saw confirmed is in the answer), and a crowd of readers costs one read
 * at a time instead of one each.
 */
export class SharedRead<T> {
  private running: Promise<T> | null = null;
  private next: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  /** The result of a read that started after this call. */
  now(): Promise<T> {
    if (!this.running) return this.start();
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        return this.start();
      });
    return this.next;
  }

  private start(): Promise<T> {
    const reading = this.read();
    this.running = reading;
    const done = () => {
      if (this.running === reading) this.running = null;
    };
    reading.then(done, done);
    return reading;
  }
}
