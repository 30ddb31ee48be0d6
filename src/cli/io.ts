// Everything the CLI touches outside itself, passed in so tests run it in-process with fakes.
import type { Readable } from 'node:stream';

export interface TextSink {
  write(text: string): unknown;
  /**
   * Resolves once everything written so far has been handed to the system, or rejects with the error that
   * stopped it (EPIPE when the reader left, ENOSPC…). Absent in the fakes of tests, which cannot fail.
   */
  flush?(): Promise<void>;
  /** True once a write failed: what follows would be lost, so a long report stops being produced. */
  readonly failed?: boolean;
}

export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  stdin: Readable;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  now: () => Date;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Width of the terminal on stderr; 0 or absent when unknown (`script`, `ssh -tt` can report 0). */
  stderrColumns?: number;
  /** File descriptors of the real standard input and output, so a redirection into an input is refused. */
  stdinFd?: number;
  stdoutFd?: number;
}
