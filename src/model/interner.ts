// Strings stored once and referred to by a dense integer id, so the line store holds only numbers.
// The hot path interns straight from a range of the CSV text (idOfRange): a hit allocates nothing,
// which matters at millions of rows (a Map<string, number> needs a fresh string per lookup).

export class Interner {
  readonly values: string[] = [];
  private hashes = new Int32Array(0);
  private table = new Int32Array(1024).fill(-1);
  private mask = 1023;

  id(value: string): number {
    return this.idOfRange(value, 0, value.length);
  }

  idOfRange(text: string, start: number, end: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const length = end - start;
    let slot = h & this.mask;
    for (;;) {
      const id = this.table[slot]!;
      if (id < 0) break;
      if (this.hashes[id] === h) {
        const candidate = this.values[id]!;
        if (candidate.length === length && sameText(candidate, text, start, length)) return id;
      }
      slot = (slot + 1) & this.mask;
    }
    const id = this.values.length;
    // A copy, not a slice: a slice would keep the whole chunk of input text alive.
    this.values.push(length > 12 ? copyString(text.slice(start, end)) : text.slice(start, end));
    if (id >= this.hashes.length) {
      const hashes = new Int32Array(Math.max(1024, this.hashes.length * 2));
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[id] = h;
    this.table[slot] = id;
    if (this.values.length * 2 > this.mask) this.rehash();
    return id;
  }

  value(id: number): string {
    const v = this.values[id];
    if (v === undefined) throw new RangeError(`no interned string ${id}`);
    return v;
  }

  get size(): number {
    return this.values.length;
  }

  private rehash(): void {
    this.rebuild(this.table.length * 2);
  }

  private rebuild(size: number): void {
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let id = 0; id < this.values.length; id++) {
      let slot = this.hashes[id]! & this.mask;
      while (this.table[slot]! >= 0) slot = (slot + 1) & this.mask;
      this.table[slot] = id;
    }
  }
}

function sameText(candidate: string, text: string, start: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (candidate.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

function copyString(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
