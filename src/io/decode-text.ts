// Bytes → text for the scanner: UTF-8 with or without BOM, UTF-16 with a BOM. Invalid UTF-8 and NUL
// bytes are reported at their physical line instead of turning into replacement characters.

export type EncodingProblem = { kind: 'invalid-utf8' | 'nul-byte'; byteOffsetInChunk: number };

export class TextDecoderForCsv {
  private decoder: InstanceType<typeof TextDecoder> | undefined;
  private utf16 = false;
  /** Bytes held back until the encoding can be told (a first chunk of one byte, 0xFF or 0xFE). */
  private held: Uint8Array | undefined;

  /** Decodes the next chunk; returns text, or a problem with the offset of the bad byte in this chunk. */
  decode(chunk: Uint8Array, final: boolean): string | EncodingProblem {
    // Offsets of problems are in the caller's chunk: bytes held back from an earlier chunk come first here.
    let shift = 0;
    if (this.decoder === undefined) {
      if (this.held) {
        shift = this.held.length;
        chunk = Buffer.concat([this.held, chunk]);
        this.held = undefined;
      }
      // A stream may hand over half a UTF-16 byte order mark first (a pipe, a 1-byte read): wait for more.
      if (!final && chunk.length < 2 && (chunk.length === 0 || chunk[0] === 0xff || chunk[0] === 0xfe)) {
        this.held = chunk;
        return '';
      }
      if (chunk.length >= 2 && chunk[0] === 0xff && chunk[1] === 0xfe) {
        this.decoder = new TextDecoder('utf-16le');
        this.utf16 = true;
      } else if (chunk.length >= 2 && chunk[0] === 0xfe && chunk[1] === 0xff) {
        this.decoder = new TextDecoder('utf-16be');
        this.utf16 = true;
      } else {
        this.decoder = new TextDecoder('utf-8', { fatal: true });
      }
    }
    if (!this.utf16) {
      const nul = chunk.indexOf(0);
      if (nul >= 0) return { kind: 'nul-byte', byteOffsetInChunk: nul - shift };
    }
    try {
      return this.decoder.decode(chunk, { stream: !final });
    } catch {
      return { kind: 'invalid-utf8', byteOffsetInChunk: firstInvalidUtf8(chunk) - shift };
    }
  }
}

/** Offset of the first byte that does not belong to a valid UTF-8 sequence (leading continuations skipped). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  // A sequence begun in the previous chunk ends with up to three continuation bytes here.
  while (i < 3 && i < bytes.length && ((bytes[i] ?? 0) & 0xc0) === 0x80) i++;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return i + k >= bytes.length ? bytes.length : i;
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** Count of LF bytes in bytes[0, end). */
export function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0 && i < end; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}
