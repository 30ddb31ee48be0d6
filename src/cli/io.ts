// Everything the CLI touches outside itself, passed in so tests run it in-process with fakes.
import type { Readable } from 'node:stream';

export interface TextSink {
  write(text: string): unknown;
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
}
