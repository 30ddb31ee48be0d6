// Bytes → text for the scanner: UTF-8 with or without BOM, UTF-16 (LE or BE) with a BOM. Invalid UTF-8, NUL
// bytes, unpaired UTF-16 surrogates and a sequence cut off at the end of the file are reported at their physical
// line instead of turning into replacement characters: two customer names that differ only in undecodable
// bytes would otherwise become one customer.

export type EncodingProblem = { kind: 'invalid-utf8' | 'invalid-utf16' | 'nul-byte'; line: number };

const LF = 10;

export class TextDecoderForCsv {
  private utf8: InstanceType<typeof TextDecoder> | undefined;
  /** The last chunk's trailing bytes of a UTF-8 sequence the next chunk completes (the decoder holds them too). */
  private utf8Tail: Uint8Array = new Uint8Array(0);
  private utf16: 'le' | 'be' | undefined;
  /** UTF-16 bytes held for the next chunk: an odd byte, or a high surrogate waiting for its low half. */
  private carry: Uint8Array = new Uint8Array(0);
  /** Bytes held back until the encoding can be told (a first chunk of one byte, 0xFF or 0xFE). */
  private held: Uint8Array | undefined;
  /** Line breaks in the text returned so far: the line of a problem is counted from here. */
  private lines = 0;

  /** Decodes the next chunk; returns text, or the problem and its physical line (1-based). */
  decode(chunk: Uint8Array, final: boolean): string | EncodingProblem {
    if (this.utf8 === undefined && this.utf16 === undefined) {
      if (this.held) {
        chunk = Buffer.concat([this.held, chunk]);
        this.held = undefined;
      }
      // A stream may hand over half a UTF-16 byte order mark first (a pipe, a 1-byte read): wait for more.
      if (!final && chunk.length < 2 && (chunk.length === 0 || chunk[0] === 0xff || chunk[0] === 0xfe)) {
        this.held = chunk;
        return '';
      }
      if (chunk.length >= 2 && chunk[0] === 0xff && chunk[1] === 0xfe) this.utf16 = 'le';
      else if (chunk.length >= 2 && chunk[0] === 0xfe && chunk[1] === 0xff) this.utf16 = 'be';
      else this.utf8 = new TextDecoder('utf-8', { fatal: true });
      if (this.utf16 !== undefined) chunk = chunk.subarray(2);
    }
    const text = this.utf16 === undefined ? this.decodeUtf8(chunk, final) : this.decodeUtf16(chunk, final);
    if (typeof text === 'string') this.lines += countLineBreaks(text, text.length);
    return text;
  }

  private decodeUtf8(chunk: Uint8Array, final: boolean): string | EncodingProblem {
    const nul = chunk.indexOf(0);
    if (nul >= 0) return { kind: 'nul-byte', line: this.lines + countNewlines(chunk, nul) + 1 };
    try {
      const text = this.utf8!.decode(chunk, { stream: !final });
      // A chunk shorter than a sequence may continue the one the previous chunk began.
      const recent = chunk.length < 4 && this.utf8Tail.length > 0 ? Buffer.concat([this.utf8Tail, chunk]) : chunk;
      this.utf8Tail = Uint8Array.from(recent.subarray(incompleteTailStart(recent)));
      return text;
    } catch {
      // The bad byte may be one the previous chunk left pending: look for it from there.
      const offset = firstInvalidUtf8(Buffer.concat([this.utf8Tail, chunk])) - this.utf8Tail.length;
      return { kind: 'invalid-utf8', line: this.lines + countNewlines(chunk, Math.max(0, offset)) + 1 };
    }
  }

  private decodeUtf16(chunk: Uint8Array, final: boolean): string | EncodingProblem {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    let usable = bytes.length - (bytes.length % 2);
    // A high surrogate at the end of the chunk may be completed by the next one.
    if (!final && usable >= 2 && isHighSurrogate(codeUnit(bytes, usable - 2, this.utf16!))) usable -= 2;
    this.carry = Uint8Array.from(bytes.subarray(usable));
    const units = Buffer.from(bytes.subarray(0, usable));
    if (this.utf16 === 'be') units.swap16();
    const text = units.toString('utf16le');
    const lone = firstLoneSurrogate(text);
    if (lone >= 0) return { kind: 'invalid-utf16', line: this.lines + countLineBreaks(text, lone) + 1 };
    // An odd byte left at the end of the file is half a code unit.
    if (final && this.carry.length > 0) return { kind: 'invalid-utf16', line: this.lines + countLineBreaks(text, text.length) + 1 };
    return text;
  }
}

function codeUnit(bytes: Uint8Array, at: number, order: 'le' | 'be'): number {
  return order === 'le' ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** Index of the first surrogate code unit that is not half of a pair, or −1. */
export function firstLoneSurrogate(text: string): number {
  // With the u flag a pair is one code point, so the class matches unpaired halves only.
  return /[\ud800-\udfff]/u.exec(text)?.index ?? -1;
}

function sequenceLength(lead: number): number {
  return lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
}

/** Offset of the first byte that does not belong to a valid UTF-8 sequence; a sequence cut by the end is not counted. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes[i]!);
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return bytes.length;
      if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** Start of the incomplete UTF-8 sequence that ends `bytes` (bytes.length when the last sequence is whole). */
function incompleteTailStart(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue;
    return sequenceLength(b) > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/** Count of LF bytes in bytes[0, end). */
export function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(LF); i >= 0 && i < end; i = bytes.indexOf(LF, i + 1)) n++;
  return n;
}

/** Count of LF characters in text[0, end). */
function countLineBreaks(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
