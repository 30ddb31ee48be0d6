#!/usr/bin/env node
/**
 * run-bench.mjs: end-to-end timing of the built `retain` CLI on generated contract exports.
 * `npm run bench` builds first. See bench/README.md. Needs only this repo (bin/, dist/, bench/).
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'retain.js');
const GEN = path.join(ROOT, 'bench', 'gen-contracts.mjs');
const CACHE_DIR = path.join(os.tmpdir(), 'retain-bench');
const SEED = 42;
const DEFAULT_SIZES = [100_000, 1_000_000];
const COMMON = ['--format', 'csv', '--as-of', '2025-12-31', '--fx', 'EUR=1.08,GBP=1.27'];
const COMMANDS = [
  { label: 'bridge', args: ['bridge'] },
  { label: 'bridge --by region', args: ['bridge', '--by', 'region'], needsOption: '--by' },
  { label: 'renewals', args: ['renewals'] },
  { label: 'cohorts', args: ['cohorts'] },
];
const TARGETS = { 1_000_000: { wall: 4, rssMiB: 300 }, 5_000_000: { wall: 20, rssMiB: 1024 } };
/** Wall-time targets relative to the bridge on the same file (renewals: ≤ 1.5× the bridge). */
const RELATIVE_TARGETS = { renewals: 1.5 };
/**
 * --big (not part of npm test): `bridge` on two inputs past 2 GiB. "wide": 200,000 rows, each with an unused
 * 11,000-character notes column, so a peak RSS far below the file size shows the input is streamed.
 * "many": 15,000,000 rows with about 4.6 million distinct customers, run with Node's default heap.
 */
const BIG_ROWS = 15_000_000;
const WIDE_ROWS = 200_000;
const WIDE_NOTE = 11_000;
const TWO_GIB = 2 ** 31;
const HELP = `usage: npm run bench [-- --rows N[,N...]] [-- --json] [-- --big]
  --rows LIST  sizes to run, comma-separated (replaces the default ${DEFAULT_SIZES.join(',')})
  --json       print a JSON summary on stdout (the table then goes to stderr)
  --big        only \`bridge\`, on two inputs past 2 GiB: ${WIDE_ROWS} rows with a wide unused column (streaming),
               and ${BIG_ROWS} rows with > 2 million customers (memory at scale)
  BENCH_5M=1   also run 5,000,000 rows
  BENCH_RSS=gnu-time|proc-vmhwm  force how peak RSS is measured (default: /usr/bin/time if usable)
Input files are cached in ${CACHE_DIR}/contracts-<rows>-seed${SEED}.csv.
`;

function parseArgs(argv) {
  const a = { sizes: [...DEFAULT_SIZES], json: false, big: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--json') a.json = true;
    else if (k === '--big') a.big = true;
    else if (k === '--rows' && i + 1 < argv.length) {
      a.sizes = argv[++i].split(',').map((s) => Number(s.replace(/_/g, '')));
      if (!a.sizes.every((n) => Number.isSafeInteger(n) && n > 0)) fail(2, `bad --rows ${argv[i]}`);
    } else if (k === '-h' || k === '--help') { process.stdout.write(HELP); process.exit(0); }
    else fail(2, `unknown argument ${k}\n${HELP}`);
  }
  if (process.env.BENCH_5M === '1' && !a.sizes.includes(5_000_000)) a.sizes.push(5_000_000);
  if (a.big) a.sizes = [];
  return a;
}
function fail(code, msg) {
  process.stderr.write(`run-bench: ${msg}\n`);
  process.exit(code);
}
const tail = (text, n = 2000) => (text.length > n ? '...' + text.slice(-n) : text).trimEnd();
const log = (msg) => process.stderr.write(msg + '\n');

/** A command counts as present when `<cmd> --help` exits 0 AND prints that command's own usage line:
 *  commander answers an unknown `retain cohorts --help` with the root help and exit code 0. */
function probe(cmd) {
  const r = spawnSync(process.execPath, [BIN, cmd, '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  const help = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const usage = help.match(/^\s*usage:.*$/im);
  const ok = r.status === 0 && (!usage || new RegExp(`\\b${cmd}\\b`).test(usage[0]));
  return { ok, status: r.status, help };
}

/** Reuses the cached file unless the generator is newer (a changed model must not be benchmarked stale). */
function ensureInput(rows) {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const file = path.join(CACHE_DIR, `contracts-${rows}-seed${SEED}.csv`);
  if (fs.existsSync(file) && fs.statSync(file).mtimeMs >= fs.statSync(GEN).mtimeMs) return file;
  log(`generating ${file} ...`);
  const tmp = `${file}.${process.pid}.tmp`; // renamed only when complete, so an interrupted run leaves no bad cache
  const r = spawnSync(process.execPath, [GEN, '--rows', String(rows), '--seed', String(SEED), '--out', tmp],
    { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) { fs.rmSync(tmp, { force: true }); fail(1, `generator failed (exit ${r.status})`); }
  fs.renameSync(tmp, file);
  return file;
}

/** GNU time reports the child's exact max RSS; without it, poll VmHWM (the kernel's own high-water mark). */
function detectRssMethod() {
  if (['gnu-time', 'proc-vmhwm'].includes(process.env.BENCH_RSS)) return process.env.BENCH_RSS;
  const out = path.join(os.tmpdir(), `retain-bench-time-${process.pid}`);
  const r = fs.existsSync('/usr/bin/time')
    ? spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, process.execPath, '-e', ''], { stdio: 'ignore' })
    : null;
  const ok = r?.status === 0 && /^\d+\s*$/.test(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  if (ok) return 'gnu-time';
  return fs.existsSync(`/proc/${process.pid}/status`) ? 'proc-vmhwm' : 'none';
}
const readHwmKiB = (pid) => {
  try { return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0); }
  catch { return 0; } // the process has already gone
};

function runOnce(args, rssMethod) {
  return new Promise((resolve) => {
    const timeOut = path.join(os.tmpdir(), `retain-bench-rss-${process.pid}`);
    const argv = [BIN, ...args];
    const [cmd, cmdArgs] = rssMethod === 'gnu-time'
      ? ['/usr/bin/time', ['-f', '%M', '-o', timeOut, process.execPath, ...argv]]
      : [process.execPath, argv];
    const t0 = process.hrtime.bigint();
    // stdout 'ignore' is /dev/null: the report's size must not be limited by a pipe reader.
    const child = spawn(cmd, cmdArgs, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '', hwm = 0;
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-8000); });
    const poll = rssMethod === 'proc-vmhwm'
      ? setInterval(() => { hwm = Math.max(hwm, readHwmKiB(child.pid)); }, 20) : null;
    child.on('close', (code, signal) => {
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      if (poll) clearInterval(poll);
      if (rssMethod === 'gnu-time') {
        // GNU time writes "Command exited with non-zero status N" before the figure; take the last number.
        const lines = fs.existsSync(timeOut) ? fs.readFileSync(timeOut, 'utf8').trim().split('\n') : [];
        hwm = Number(lines.at(-1)) || 0;
        fs.rmSync(timeOut, { force: true });
      }
      resolve({ code, signal, wall, rssMiB: hwm ? hwm / 1024 : null, stderr });
    });
  });
}

function targetNote(rows, wall, rssMiB) {
  const t = TARGETS[rows];
  if (!t) return { text: '', met: null };
  const wallOk = wall <= t.wall, rssOk = rssMiB == null || rssMiB <= t.rssMiB;
  const text = `<= ${t.wall} s ${wallOk ? 'ok' : 'MISSED'}, <= ${t.rssMiB} MiB ${rssMiB == null ? '?' : rssOk ? 'ok' : 'MISSED'}`;
  return { text, met: wallOk && rssOk, wallSeconds: t.wall, rssMiB: t.rssMiB };
}

function table(results) {
  const head = ['command', 'rows', 'wall s', 'peak RSS MiB', 'rows/s', 'target'];
  const body = results.map((r) => [r.command, String(r.rows), r.wallSeconds.toFixed(2),
    r.peakRssMiB == null ? 'n/a' : r.peakRssMiB.toFixed(1), String(r.rowsPerSecond), r.target.text]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const fmt = (row) => row.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
    .join('  ').trimEnd();
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fmt)].join('\n') + '\n';
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
    fail(1, 'the retain CLI is not built: dist/cli/main.js is missing. Run `npm run build` (`npm run bench` does).');
  }
  const bridge = probe('bridge');
  if (!bridge.ok) {
    fail(1, `\`retain bridge --help\` failed (exit ${bridge.status}); nothing to benchmark.\n${tail(bridge.help)}`);
  }
  const commands = [], skipped = [];
  const probes = new Map([['bridge', bridge]]);
  for (const c of COMMANDS) {
    const name = c.args[0];
    if (!probes.has(name)) probes.set(name, probe(name));
    const p = probes.get(name);
    if (p.ok && (!c.needsOption || p.help.includes(c.needsOption))) commands.push(c);
    else skipped.push(c.label);
  }
  if (skipped.length) log(`skipped (not in this build): ${skipped.join(', ')}`);

  const rssMethod = detectRssMethod();
  const results = [];
  const bigInputs = [];
  if (opts.big) {
    for (const input of [await wideInput(), await manyInput()]) {
      log(`running bridge on the ${input.label} input (${input.gib} GiB) ...`);
      const r = await runOnce(['bridge', ...COMMON, input.file], rssMethod);
      if (r.code !== 0) fail(1, `bridge on ${input.file} failed (${r.signal ?? `exit ${r.code}`}). stderr tail:\n${tail(r.stderr) || '(empty)'}`);
      const share = r.rssMiB ? `peak RSS ${((r.rssMiB * 2 ** 20) / input.bytes * 100).toFixed(0)}% of the file` : '';
      results.push({ command: `bridge (${input.label})`, rows: input.rows, wallSeconds: r.wall, peakRssMiB: r.rssMiB, rowsPerSecond: Math.round(input.rows / r.wall), target: { text: share, met: null } });
      bigInputs.push({ ...input, wallSeconds: +r.wall.toFixed(3), peakRssMiB: r.rssMiB == null ? null : +r.rssMiB.toFixed(1) });
    }
  }
  for (const rows of opts.sizes) {
    const file = ensureInput(rows);
    for (const c of commands) {
      const args = [...c.args, ...COMMON, file];
      log(`running ${c.label} on ${rows} rows ...`);
      const r = await runOnce(args, rssMethod);
      if (r.code !== 0) {
        if (results.length) process.stderr.write(table(results));
        fail(1, `\`retain ${args.join(' ')}\` failed (${r.signal ?? `exit ${r.code}`}) after ` +
          `${r.wall.toFixed(2)} s. stderr tail:\n${tail(r.stderr) || '(empty)'}`);
      }
      results.push({
        command: c.label, rows, wallSeconds: r.wall, peakRssMiB: r.rssMiB,
        rowsPerSecond: Math.round(rows / r.wall), target: targetNote(rows, r.wall, r.rssMiB),
      });
    }
  }

  for (const r of results) {
    const max = RELATIVE_TARGETS[r.command];
    const bridge = results.find((x) => x.command === 'bridge' && x.rows === r.rows);
    if (max === undefined || !bridge) continue;
    const ratio = r.wallSeconds / bridge.wallSeconds;
    r.relative = { to: 'bridge', ratio: +ratio.toFixed(2), max, met: ratio <= max };
    r.target.text = `${r.target.text}${r.target.text ? '; ' : ''}${ratio.toFixed(2)}x bridge (<= ${max}x ${ratio <= max ? 'ok' : 'MISSED'})`;
  }

  const cpus = os.cpus();
  const env = `node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} x ${cpus[0]?.model ?? '?'}, ` +
    `RSS via ${rssMethod}, seed ${SEED}`;
  const text = `${env}\n${table(results)}${bigInputs.map(bigInputNote).join('')}`;
  if (!opts.json) { process.stdout.write(text); return; }
  process.stderr.write(text);
  const json = {
    node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: cpus.length, cpuModel: cpus[0]?.model,
    seed: SEED, commonArgs: COMMON, rssMethod, skipped, ...(bigInputs.length ? { bigInputs } : {}),
    results: results.map((r) => ({
      ...r,
      wallSeconds: +r.wallSeconds.toFixed(3),
      peakRssMiB: r.peakRssMiB == null ? null : +r.peakRssMiB.toFixed(1),
      target: r.target.met == null ? null
        : { wallSeconds: r.target.wallSeconds, rssMiB: r.target.rssMiB, met: r.target.met },
    })),
  };
  process.stdout.write(JSON.stringify(json, null, 2) + '\n');
}

/** 200,000 generated rows plus an unused 11,000-character notes column: a file past 2 GiB of few rows. */
async function wideInput() {
  const base = ensureInput(WIDE_ROWS);
  const file = path.join(CACHE_DIR, `contracts-${WIDE_ROWS}-seed${SEED}-wide.csv`);
  if (!fs.existsSync(file) || fs.statSync(file).mtimeMs < fs.statSync(base).mtimeMs) {
    log(`writing ${file} ...`);
    const tmp = `${file}.${process.pid}.tmp`;
    const out = fs.createWriteStream(tmp);
    const note = `,${'n'.repeat(WIDE_NOTE)}`;
    const lines = fs.readFileSync(base, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] === '') continue;
      if (!out.write(`${lines[i]}${i === 0 ? ',notes' : note}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    fs.renameSync(tmp, file);
  }
  return { label: 'wide', ...checkSize(file), rows: WIDE_ROWS, customers: null };
}

/** The 15,000,000-row export, with its distinct customers counted (rows are grouped by customer). */
async function manyInput() {
  const file = ensureInput(BIG_ROWS);
  let customers = 0, previous = '', carry = '', header = true;
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (carry + chunk).split('\n');
    carry = lines.pop();
    for (const line of lines) {
      if (header) { header = false; continue; }
      const id = line.slice(0, line.indexOf(','));
      if (id !== previous) { customers++; previous = id; }
    }
  }
  return { label: 'many', ...checkSize(file), rows: BIG_ROWS, customers };
}

function checkSize(file) {
  const bytes = fs.statSync(file).size;
  if (bytes <= TWO_GIB) fail(1, `${file} has ${bytes} bytes, not more than 2 GiB`);
  return { file, bytes, gib: +(bytes / 2 ** 30).toFixed(2) };
}

function bigInputNote(b) {
  const what = b.customers == null ? 'mostly an unused column' : `${b.customers} distinct customers`;
  const rss = b.peakRssMiB == null ? 'peak RSS not measured' : `peak RSS ${b.peakRssMiB} MiB`;
  return `${b.label}: ${b.gib} GiB, ${b.rows} rows, ${what}; ${rss}, default Node heap\n`;
}

main().catch((e) => fail(1, e.stack ?? String(e)));
