// One file's bytes → decoder → CSV scanner, shared by the main input and every side file, so that they all
// read the same encodings and report the same encoding problems at the same lines.
import type { Readable } from 'node:stream';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CsvScanner } from './csv-scanner.js';
import { TextDecoderForCsv, type EncodingProblem } from './decode-text.js';

export interface StreamScan {
  /** Whether the stream held any byte (an empty file has no header row). */
  sawBytes: boolean;
  /** What stopped the reading: an undecodable byte or a read error. */
  fatal: Diagnostic | undefined;
}

/** Feeds `stream` to `scanner` until its end, or until `stopped()` says the sink has seen enough. */
export async function scanCsvStream(name: string, stream: Readable, scanner: Pick<CsvScanner, 'push' | 'end'>, stopped: () => boolean): Promise<StreamScan> {
  const decoder = new TextDecoderForCsv();
  let sawBytes = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (bytes.length > 0) sawBytes = true;
      const text = decoder.decode(bytes, false);
      if (typeof text !== 'string') {
        stream.destroy();
        return { sawBytes, fatal: encodingDiagnostic(name, text) };
      }
      scanner.push(text);
      if (stopped()) {
        stream.destroy();
        return { sawBytes, fatal: undefined };
      }
    }
  } catch (cause) {
    return { sawBytes, fatal: error('FILE_UNREADABLE', `cannot read ${name}: ${(cause as Error).message}`, { file: name }) };
  }
  const tail = decoder.decode(new Uint8Array(0), true);
  if (typeof tail !== 'string') return { sawBytes, fatal: encodingDiagnostic(name, tail) };
  if (tail.length > 0) scanner.push(tail);
  scanner.end();
  return { sawBytes, fatal: undefined };
}

export function encodingDiagnostic(name: string, problem: EncodingProblem): Diagnostic {
  const source = { file: name, line: problem.line };
  switch (problem.kind) {
    case 'nul-byte':
      return error('NUL_BYTE', 'the file contains a NUL byte (binary data, or UTF-16 without a byte order mark)', source, 'export the file as UTF-8 CSV');
    case 'invalid-utf8':
      return error('INVALID_UTF8', 'the file is not valid UTF-8 here', source, 'export the file as UTF-8 (or UTF-16 with a byte order mark)');
    case 'invalid-utf16':
      return error('INVALID_UTF16', 'the file is not valid UTF-16 here: half of a surrogate pair, or half a character at the end of the file', source, 'export the file again as UTF-8 or UTF-16; a text cut in the middle of a character (an emoji, a rare CJK character) is the usual cause');
  }
}
