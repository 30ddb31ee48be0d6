import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GEN = fileURLToPath(new URL('../bench/gen-contracts.mjs', import.meta.url));
const HEADER =
  'customer_id,contract_id,product,start_date,end_date,billing_period,amount,currency,quantity,unit_price,' +
  'discount_pct,industry,region,size,channel,csm,booked_date,cancel_date,churn_reason,renews';
const ROWS = 2000;

let dir = '';
function generate(rows: number, seed: number, name: string): Buffer {
  const out = join(dir, name);
  const r = spawnSync(process.execPath, [GEN, '--rows', String(rows), '--seed', String(seed), '--out', out, '--quiet'],
    { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return readFileSync(out);
}

/** RFC 4180 fields of one line; the generator never writes quoted newlines. */
function fields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) throw new Error(`unclosed quote: ${line}`);
        if (line[q + 1] === '"') { value += line.slice(j, q + 1); j = q + 2; continue; }
        value += line.slice(j, q);
        i = q + 1;
        break;
      }
      out.push(value);
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      out.push(line.slice(i, end));
      i = end;
    }
    if (i >= line.length) return out;
    i++; // the comma
  }
}

const col = (name: string): number => HEADER.split(',').indexOf(name);
const cents = (money: string): number => Math.round(Number(money) * 100);

describe('bench/gen-contracts.mjs', () => {
  let first: Buffer;
  let rows: string[][];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'retain-gen-'));
    first = generate(ROWS, 7, 'a.csv');
    rows = first.toString('utf8').trimEnd().split('\n').slice(1).map(fields);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is deterministic: same seed, same bytes', () => {
    expect(generate(ROWS, 7, 'b.csv').equals(first)).toBe(true);
  });

  it('depends on the seed', () => {
    expect(generate(ROWS, 8, 'c.csv').equals(first)).toBe(false);
  });

  it('writes the exact header and exactly --rows data rows, newline-terminated', () => {
    const text = first.toString('utf8');
    expect(text.slice(0, text.indexOf('\n'))).toBe(HEADER);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n').length - 2).toBe(ROWS);
    expect(rows.every((r) => r.length === 20)).toBe(true);
    expect(generate(7, 3, 'small.csv').toString('utf8').split('\n').length - 2).toBe(7);
    expect(generate(0, 3, 'empty.csv').toString('utf8')).toBe(HEADER + '\n');
  });

  it('writes every amount with 2 decimals, equal to quantity x unit_price x (1 - discount)', () => {
    for (const r of rows) {
      const amount = r[col('amount')]!;
      expect(amount).toMatch(/^\d+\.\d\d$/);
      expect(r[col('unit_price')]).toMatch(/^\d+\.\d\d$/);
      const exact = Number(r[col('quantity')]) * cents(r[col('unit_price')]!) * (1 - Number(r[col('discount_pct')]) / 100);
      expect(Math.abs(cents(amount) - exact)).toBeLessThanOrEqual(0.5 + 1e-6);
    }
  });

  it('keeps dates consistent: end >= start, cancel > start, booked <= start', () => {
    const date = /^\d{4}-\d\d-\d\d$/;
    let cancelled = 0;
    for (const r of rows) {
      const start = r[col('start_date')]!;
      const end = r[col('end_date')]!;
      const cancel = r[col('cancel_date')]!;
      expect(start).toMatch(date);
      if (end) expect(end >= start).toBe(true);
      if (cancel) {
        cancelled++;
        expect(cancel > start).toBe(true);
        expect(r[col('churn_reason')]).not.toBe('');
      }
      expect(r[col('booked_date')]! <= start).toBe(true);
    }
    expect(cancelled).toBeGreaterThan(0);
  });
});
