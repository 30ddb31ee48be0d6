// Standard output and error as TextSinks. Node reports a failed write to a stream (a full disk, a reader
// that left) as an 'error' event, possibly after write() returned; left unhandled it ends the process with
// a stack trace. Here the first failure is kept, later writes are dropped, and flush() hands it to the
// command, which turns it into a diagnostic (or, for EPIPE, a normal end).
import type { TextSink } from './io.js';

export class ProcessSink implements TextSink {
  private failure: Error | undefined;
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly stream: NodeJS.WritableStream) {
    stream.on('error', (cause: Error) => {
      this.failure ??= cause;
    });
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  write(text: string): boolean {
    if (this.failure) return false;
    // Writes complete in order, so the callback of the last one says when all of them are done.
    this.last = new Promise((resolve) => {
      this.stream.write(text, (cause) => {
        if (cause) this.failure ??= cause;
        resolve();
      });
    });
    return true;
  }

  async flush(): Promise<void> {
    await this.last;
    if (this.failure) throw this.failure;
  }
}
