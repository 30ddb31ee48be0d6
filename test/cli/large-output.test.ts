// Listings of many rows are written in pieces (ReportText), never joined into one string: the bytes are
// exactly those of the joined document, and --output writes the same pieces to the file.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';

const customers = 25_000;
const csvText = ['customer_id,start_date,mrr', ...Array.from({ length: customers }, (_, i) => `C${i},2024-01-${String((i % 28) + 1).padStart(2, '0')},10`)].join('\n');

async function movements(args: string[], cwd: string): Promise<{ writes: string[]; code: number }> {
  const writes: string[] = [];
  const code = await run(['movements', '--period', 'month', '--as-of', '2024-03-31', ...args, '-'], {
    stdout: { write: (s: string) => writes.push(s) },
    stderr: { write: () => true },
    stdin: Readable.from([Buffer.from(csvText)]),
    cwd,
    env: { NO_COLOR: '1' },
    now: () => new Date('2024-06-01T00:00:00Z'),
    stdoutIsTTY: false,
    stderrIsTTY: false,
  });
  return { writes, code };
}

describe('large listings', () => {
  it('writes a JSON listing of 25,000 movements in pieces that join into one valid document', async () => {
    const { writes, code } = await movements(['-f', 'json'], process.cwd());
    expect(code).toBe(0);
    expect(writes.length).toBeGreaterThan(3);
    const doc = JSON.parse(writes.join('')) as { movements: { movement: string; amount: string }[] };
    expect(doc.movements).toHaveLength(customers);
    expect(doc.movements.every((m) => m.movement === 'new' && m.amount === '10.00')).toBe(true);
  });

  it('writes the CSV listing in pieces too, and --output gets the same bytes', async () => {
    const { writes } = await movements(['-f', 'csv'], process.cwd());
    expect(writes.length).toBeGreaterThan(2);
    expect(writes.join('').split('\n').filter((l) => l !== '')).toHaveLength(customers + 1);
    const dir = mkdtempSync(join(tmpdir(), 'retain-large-'));
    await movements(['-f', 'csv', '--output', 'out.csv'], dir);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe(writes.join(''));
  });
});
