// One test per output-safety rule (docs/errors.md, OUTPUT_UNWRITABLE and OUTPUT_CONFLICT), each in its own
// temporary folder. Devices are copies made with mknod inside that folder (only as root; skipped
// otherwise), never the real /dev. FIFOs and standard output need a second process: those spawn the built
// CLI (npm test builds it).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, createReadStream, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const bin = fileURLToPath(new URL('../../bin/retain.js', import.meta.url));
const root = process.getuid?.() === 0;
const CSV = 'customer_id,start_date,end_date,mrr\nAcme,2024-01-01,,100.00\nBeta,2024-02-01,,50.00\n';
const BAD = `${CSV}Gamma,2024-13-01,,10.00\n`;
const args = ['bridge', '--as-of', '2024-03-31', '-q'];

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'retain-write-output-'));
  writeFileSync(join(dir, 'contracts.csv'), CSV);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string): string => join(dir, name);
const report = async (): Promise<string> => (await runCli([...args, 'contracts.csv'], { cwd: dir })).stdout;

describe('refused before anything is read (OUTPUT_CONFLICT)', () => {
  it.each([
    ['-o naming the input', ['-o', 'contracts.csv']],
    ['-o naming the input by another spelling', ['-o', './sub/../contracts.csv']],
    ['--rejects naming the input', ['--skip-invalid', '--rejects', 'contracts.csv']],
    ['-o through a symbolic link to the input', ['-o', 'link.csv']],
    ['-o naming a hard link of the input', ['-o', 'hard.csv']],
    ['-o naming the --accounts file', ['--accounts', 'accounts.csv', '-o', 'accounts.csv']],
  ])('%s', async (_, flags) => {
    mkdirSync(at('sub'));
    symlinkSync('contracts.csv', at('link.csv'));
    linkSync(at('contracts.csv'), at('hard.csv'));
    writeFileSync(at('accounts.csv'), 'customer_id,region\nAcme,EMEA\n');
    const result = await runCli([...args, ...flags, 'contracts.csv'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/OUTPUT_CONFLICT: .* is the input /);
    expect(readFileSync(at('contracts.csv'), 'utf8')).toBe(CSV);
    expect(readFileSync(at('accounts.csv'), 'utf8')).toBe('customer_id,region\nAcme,EMEA\n');
  });

  it('--rejects and -o naming one file, not yet there', async () => {
    const result = await runCli([...args, '--skip-invalid', '-o', 'out.csv', '--rejects', './out.csv', 'contracts.csv'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('OUTPUT_CONFLICT: --rejects "./out.csv" is the same file as --output "out.csv"');
    expect(() => statSync(at('out.csv'))).toThrow();
  });

  it('a standard output redirected into the input (>> contracts.csv)', () => {
    const fd = openSync(at('contracts.csv'), 'a');
    const result = spawnSync(process.execPath, [bin, ...args, 'contracts.csv'], { cwd: dir, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    closeSync(fd);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('<stdout>: OUTPUT_CONFLICT: standard output is redirected into the input contracts.csv');
    expect(readFileSync(at('contracts.csv'), 'utf8')).toBe(CSV);
  });
});

describe('paths never written (OUTPUT_UNWRITABLE, exit 2)', () => {
  it.each([
    ['a folder', 'folder', 'is a folder'],
    ['a symbolic link to nothing', 'dangling', 'is a symbolic link to a file that does not exist'],
    ['a socket', 'socket', 'is a socket'],
  ])('%s', async (_, name, reason) => {
    mkdirSync(at('folder'));
    symlinkSync('missing.txt', at('dangling'));
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(at('socket'), resolve));
    try {
      const result = await runCli([...args, '-o', name, 'contracts.csv'], { cwd: dir });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(`OUTPUT_UNWRITABLE: cannot write --output "${name}": it ${reason}`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(lstatSync(at('dangling')).isSymbolicLink()).toBe(true);
      expect(() => statSync(at('missing.txt'))).toThrow();
    } finally {
      server.close();
    }
  });
});

describe('regular files are replaced atomically', () => {
  it('keeps a symbolic link and replaces the file it points to, keeping its permissions', async () => {
    mkdirSync(at('reports'));
    writeFileSync(at('reports/q1.txt'), 'old\n');
    chmodSync(at('reports/q1.txt'), 0o640);
    symlinkSync('reports/q1.txt', at('latest.txt'));
    const result = await runCli([...args, '-o', 'latest.txt', 'contracts.csv'], { cwd: dir });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(lstatSync(at('latest.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(at('reports/q1.txt'), 'utf8')).toBe(await report());
    expect(statSync(at('reports/q1.txt')).mode & 0o777).toBe(0o640);
  });

  it('a failed run leaves an existing report untouched', async () => {
    writeFileSync(at('contracts.csv'), BAD);
    writeFileSync(at('out.txt'), 'previous\n');
    const result = await runCli([...args, '-o', 'out.txt', 'contracts.csv'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(readFileSync(at('out.txt'), 'utf8')).toBe('previous\n');
  });
});

describe.skipIf(!root)('character devices are written in place (mknod in the temporary folder, as root)', () => {
  it('a null device stays a device: -o and --rejects both', async () => {
    writeFileSync(at('contracts.csv'), BAD);
    spawnSync('mknod', ['-m', '666', at('null'), 'c', '1', '3']);
    const before = lstatSync(at('null'));
    const result = await runCli([...args, '--skip-invalid', '-o', 'null', '--rejects', 'null', 'contracts.csv'], { cwd: dir });
    expect(result.exitCode, result.stderr).toBe(0);
    const after = lstatSync(at('null'));
    expect(after.isCharacterDevice()).toBe(true);
    expect([after.ino, after.rdev]).toEqual([before.ino, before.rdev]);
  });

  it('a full device (-o) is OUTPUT_UNWRITABLE with ENOSPC, exit 2, no stack trace', async () => {
    spawnSync('mknod', ['-m', '666', at('full'), 'c', '1', '7']);
    const result = await runCli([...args, '-o', 'full', 'contracts.csv'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('OUTPUT_UNWRITABLE: cannot write --output "full": no space left on the device (ENOSPC)');
    expect(lstatSync(at('full')).isCharacterDevice()).toBe(true);
  });

  it('a full device as standard output (> full) is OUTPUT_UNWRITABLE, exit 2, no stack trace', () => {
    spawnSync('mknod', ['-m', '666', at('full'), 'c', '1', '7']);
    const fd = openSync(at('full'), 'w');
    const result = spawnSync(process.execPath, [bin, ...args, 'contracts.csv'], { cwd: dir, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    closeSync(fd);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('retain: error: <stdout>: OUTPUT_UNWRITABLE: cannot write the report to standard output: no space left on the device (ENOSPC) (free some space, or write the report elsewhere)\nretain: cannot write to standard output\n');
  });
});

describe('a FIFO is written in place', () => {
  it('the reader gets the whole report and the FIFO stays a FIFO', async () => {
    expect(spawnSync('mkfifo', [at('pipe')]).status).toBe(0);
    const expected = await report();
    const child = spawn(process.execPath, [bin, ...args, '-o', 'pipe', 'contracts.csv'], { cwd: dir, stdio: 'ignore' });
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve) => createReadStream(at('pipe')).on('data', (c) => chunks.push(c as Buffer)).on('end', resolve));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
    expect(lstatSync(at('pipe')).isFIFO()).toBe(true);
  });

  it('a reader that leaves early ends the run normally (exit 0), as a closed stdout does', async () => {
    expect(spawnSync('mkfifo', [at('pipe')]).status).toBe(0);
    // A weekly listing far larger than a pipe's buffer, so the writer meets the closed FIFO.
    const rows = ['customer_id,start_date,end_date,mrr', ...Array.from({ length: 3000 }, (_, i) => `c${i},2020-01-0${1 + (i % 9)},2020-0${1 + (i % 9)}-28,${i}.00`)];
    writeFileSync(at('many.csv'), `${rows.join('\n')}\n`);
    const child = spawn(process.execPath, [bin, 'movements', '--as-of', '2024-03-31', '-f', 'csv', '-q', '-o', 'pipe', 'many.csv'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const stream = createReadStream(at('pipe'));
    await new Promise<void>((resolve) => stream.once('data', () => resolve()));
    stream.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
