#!/usr/bin/env node
/**
 * gen-contracts.mjs: deterministic synthetic contract export (CSV) for retain's benchmarks and tests.
 * Plain Node >= 20, no dependencies, nothing outside this file. Same --rows and --seed give a byte-identical file.
 *
 *   node bench/gen-contracts.mjs --rows N --seed S --out FILE|-
 *
 * Rows are grouped by customer and streamed, so memory stays flat at any size. Model and columns: bench/README.md
 * and HELP below. Only integer and exactly-rounded float operations are used (no Math.log/exp), so the output
 * does not depend on the platform's libm.
 */
import fs from 'node:fs';
import { once } from 'node:events';

const HELP = `usage: node bench/gen-contracts.mjs --rows N --seed S --out FILE|-

Writes a synthetic CRM/billing contract export: exactly N data rows after the header, one row per line of a
contract term, grouped by customer. Same N and S => byte-identical output. A summary goes to stderr.

  --rows N   number of data rows (integer >= 0)
  --seed S   PRNG seed (integer; taken modulo 2^32), default 1
  --out F    output file, or - for stdout
  --quiet    no summary
  --help     this text

Columns: customer_id,contract_id,product,start_date,end_date,billing_period,amount,currency,quantity,unit_price,
discount_pct,industry,region,size,channel,csm,booked_date,cancel_date,churn_reason,renews
  end_date is inclusive (empty = evergreen monthly line); cancel_date is the first day without service;
  amount = round2(quantity x unit_price x (1 - discount_pct/100)) per billing_period, rounded half up.
`;

const HEADER = 'customer_id,contract_id,product,start_date,end_date,billing_period,amount,currency,quantity,' +
  'unit_price,discount_pct,industry,region,size,channel,csm,booked_date,cancel_date,churn_reason,renews\n';

// ---------- arguments ----------
function parseArgs(argv) {
  const a = { rows: NaN, seed: 1, out: '', quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const val = () => (i + 1 < argv.length ? argv[++i] : die(`${k} needs a value`));
    if (k === '--rows') a.rows = Number(val());
    else if (k === '--seed') a.seed = Number(val());
    else if (k === '--out') a.out = val();
    else if (k === '--quiet') a.quiet = true;
    else if (k === '-h' || k === '--help') { process.stdout.write(HELP); process.exit(0); }
    else die(`unknown argument ${k}`);
  }
  if (!Number.isSafeInteger(a.rows) || a.rows < 0) die('--rows N (integer >= 0) is required');
  if (!Number.isSafeInteger(a.seed)) die('--seed must be an integer');
  if (!a.out) die('--out FILE is required');
  return a;
}
function die(msg) {
  process.stderr.write(`gen-contracts: ${msg}\n\n${HELP}`);
  process.exit(2);
}

// ---------- PRNG: sfc32, its state filled by splitmix32 so that nearby seeds give unrelated streams ----------
let next32;
function seedRng(seed) {
  let x = seed >>> 0;
  const splitmix = () => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  let a = splitmix(), b = splitmix(), c = splitmix(), d = splitmix();
  next32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32();
}
const rand = () => next32() / 4294967296;
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const chance = (p) => rand() < p;
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
/** [[value, weight], ...] → sampler; integer weights keep it exact. */
function weighted(pairs) {
  const values = pairs.map((p) => p[0]);
  const cum = [];
  let total = 0;
  for (const [, w] of pairs) cum.push((total += w));
  return () => {
    const r = Math.floor(rand() * total);
    let i = 0;
    while (cum[i] <= r) i++;
    return values[i];
  };
}

// ---------- calendar: days since 1970-01-01, labels precomputed for the whole range we can emit ----------
const MS_DAY = 86_400_000;
const dayOf = (y, m0, d) => Date.UTC(y, m0, d) / MS_DAY;
const DAY0 = dayOf(2018, 0, 1); // earliest booked_date is ~90 days before 2019-01-01
const DAY_MAX = dayOf(2030, 0, 1); // latest end is a 36-month term starting 2025-12-31
const FIRST_START = dayOf(2019, 0, 1);
const DATA_END = dayOf(2025, 11, 31); // the export's knowledge date: nothing starts, is booked or cancels after it
const LABEL = [], MONTH_INDEX = [], DOM = [];
for (let day = DAY0; day <= DAY_MAX; day++) {
  const iso = new Date(day * MS_DAY).toISOString();
  LABEL.push(iso.slice(0, 10));
  MONTH_INDEX.push((+iso.slice(0, 4) - 2018) * 12 + +iso.slice(5, 7) - 1);
  DOM.push(+iso.slice(8, 10));
}
const MONTH_START = []; // first day of each month from 2018-01, with room past DAY_MAX for addMonths
for (let mi = 0; mi < 16 * 12; mi++) MONTH_START.push(dayOf(2018 + Math.floor(mi / 12), mi % 12, 1));
const label = (day) => LABEL[day - DAY0];
/** Same day-of-month n months later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29). */
function addMonths(day, n) {
  const i = day - DAY0, mi = MONTH_INDEX[i] + n;
  return MONTH_START[mi] + Math.min(DOM[i], MONTH_START[mi + 1] - MONTH_START[mi]) - 1;
}
const firstOfMonth = (day) => day - DOM[day - DAY0] + 1;

// ---------- catalogue (prices are per month, in cents, by currency) ----------
const CURRENCIES = ['USD', 'EUR', 'GBP'];
const PRODUCTS = [
  { name: 'platform-starter', core: true, seat: true, price: [2500, 2300, 2000] },
  { name: 'platform-pro', core: true, seat: true, price: [4500, 4200, 3600] },
  { name: 'platform-enterprise', core: true, seat: true, price: [8000, 7400, 6400] },
  { name: 'analytics', core: false, seat: true, price: [1200, 1100, 950] },
  { name: 'sso', core: false, seat: true, price: [600, 550, 500] },
  { name: 'premium-support', core: false, seat: false, price: [20000, 18500, 16000] },
];
const ANALYTICS = 3, SSO = 4, PREMIUM_SUPPORT = 5;
const ADDONS = [ANALYTICS, SSO, PREMIUM_SUPPORT];
const PERIOD_MONTHS = { month: 1, quarter: 3, year: 12 };

const SMB = 0, MID = 1, ENT = 2;
const SIZES = ['SMB', 'Mid-Market', 'Enterprise'];
const pickSize = weighted([[SMB, 62], [MID, 27], [ENT, 11]]);
const pickRegion = weighted([['AMER', 45], ['EMEA', 30], ['APAC', 15], ['LATAM', 10]]);
const pickChannel = [
  weighted([['self-serve', 50], ['direct', 30], ['partner', 20]]),
  weighted([['direct', 65], ['partner', 30], ['self-serve', 5]]),
  weighted([['direct', 80], ['partner', 20]]),
];
const INDUSTRIES = ['Software', 'Financial Services', 'Healthcare', 'Retail', 'Manufacturing', 'Education',
  'Media', 'Logistics', 'Public Sector', 'Professional Services', 'Telecom', 'Energy'];
// Account-team codes, not names: the data is synthetic and must not name people.
const CSMS = Array.from({ length: 16 }, (_, i) => `CSM-${String(i + 1).padStart(2, '0')}`);
const pickCorePlan = [
  weighted([[0, 60], [1, 35], [2, 5]]),
  weighted([[0, 25], [1, 55], [2, 20]]),
  weighted([[0, 5], [1, 35], [2, 60]]),
];
// Seat bands instead of a log-normal: integer sampling only (see file header).
const pickSeats = [
  weighted([[[1, 5], 40], [[6, 12], 35], [[13, 25], 25]]),
  weighted([[[20, 50], 45], [[51, 120], 35], [[121, 250], 20]]),
  weighted([[[150, 400], 45], [[401, 1200], 40], [[1201, 4000], 15]]),
];
const pickTermMonths = [
  weighted([[12, 85], [24, 10], [36, 5]]),
  weighted([[12, 65], [24, 20], [36, 15]]),
  weighted([[12, 45], [24, 25], [36, 30]]),
];
const pickTermBilling = weighted([['year', 60], ['quarter', 25], ['month', 15]]);
// Discount in tenths of a percent; the odd half-percent values keep parsers honest.
const pickDiscount = [
  weighted([[0, 70], [50, 15], [100, 10], [125, 5]]),
  weighted([[0, 35], [50, 15], [100, 20], [150, 15], [175, 5], [200, 10]]),
  weighted([[0, 15], [100, 15], [150, 15], [200, 20], [250, 15], [300, 10], [375, 5], [450, 5]]),
];
const EVERGREEN_SHARE = [0.4, 0.08, 0.02]; // of SMB (non self-serve), Mid, Ent contracts; self-serve SMB: 0.7
const P_CANCEL = [0.05, 0.03, 0.02]; // early cancellation, per term
const P_NONRENEW = [0.22, 0.1, 0.07]; // per term that reaches its end
const P_REACTIVATE = 0.15; // after a contract churned
const pickEvergreenMonths = weighted([[1, 5], [2, 5], [3, 8], [6, 12], [9, 12], [12, 14], [18, 14], [24, 12],
  [36, 10], [48, 8]]);
const pickReason = weighted([
  ['Price too high', 14], ['Switched to competitor', 14], ['Low usage', 12], ['Missing features', 10],
  ['"Budget cuts, project cancelled"', 9], ['Poor onboarding', 6], ['Champion left', 6], ['Support issues', 5],
  ['"Acquired, merged into parent"', 6], ['Bankruptcy', 4], ['Out of business', 4], ['Payment declined', 4],
  ['Other', 4], ['No reason given', 2],
]);

// ---------- generation ----------
const stats = {
  customers: 0, contracts: 0, terms: 0, renewals: 0, lateRenewals: 0, newIdRenewals: 0, cancellations: 0,
  nonRenewals: 0, reactivations: 0, midTermAddOns: 0, evergreenChanges: 0,
};
let contractSeq = 0;
const pad = (n, w) => String(n).padStart(w, '0');
const money = (cents) => `${Math.floor(cents / 100)}.${pad(cents % 100, 2)}`;
const pct = (tenths) => (tenths % 10 === 0 ? String(tenths / 10) : `${Math.floor(tenths / 10)}.${tenths % 10}`);
const newContractId = () => { stats.contracts++; return 'CTR' + pad(++contractSeq, 8); };

/** Customer-fixed attributes plus the row buffer of this customer. */
function newCustomer(n) {
  const size = pickSize();
  const region = pickRegion();
  const cur = region === 'EMEA' ? (chance(0.4) ? 2 : 1) : 0;
  const channel = pickChannel[size]();
  const selfServe = channel === 'self-serve';
  const csm = selfServe && size === SMB ? '' : pick(CSMS);
  return {
    id: 'CUS' + pad(n, 7), size, cur, selfServe, rows: [],
    dims: `${pick(INDUSTRIES)},${region},${SIZES[size]},${channel},${csm}`,
  };
}

/** A contract's current commercial state: lines [{p, q, price (cents/month), d (tenths %)}], line 0 the core plan. */
function newState(c) {
  const seats = int(...pickSeats[c.size]());
  const d = c.selfServe ? 0 : pickDiscount[c.size]();
  const core = pickCorePlan[c.size]();
  const lines = [{ p: core, q: seats, price: PRODUCTS[core].price[c.cur], d }];
  if (chance([0.05, 0.15, 0.25][c.size])) lines.push(addon(c, ANALYTICS, seats, d));
  if (chance([0.03, 0.12, 0.3][c.size])) lines.push(addon(c, SSO, seats, d));
  if (chance([0.03, 0.12, 0.35][c.size])) lines.push(addon(c, PREMIUM_SUPPORT, seats, d));
  const evergreen = chance(c.size === SMB && c.selfServe ? 0.7 : EVERGREEN_SHARE[c.size]);
  return { lines, evergreen, billing: evergreen ? 'month' : pickTermBilling() };
}
function addon(c, p, seats, d) {
  const q = p === ANALYTICS ? Math.max(1, Math.ceil(seats * int(20, 100) / 100)) : p === SSO ? seats : 1;
  return { p, q, price: PRODUCTS[p].price[c.cur], d };
}
function setSeats(st, seats) {
  st.lines[0].q = seats;
  for (const l of st.lines) if (l.p === SSO || (l.p === ANALYTICS && l.q > seats)) l.q = seats;
}
function changeSeats(st) {
  const seats = st.lines[0].q;
  // Growth is more common than shrinkage: -30% .. +60%.
  setSeats(st, Math.max(1, Math.round(seats * int(70, 160) / 100)));
}
function changePlan(c, st, up) {
  const core = st.lines[0];
  const p = up ? Math.min(2, core.p + 1) : Math.max(0, core.p - 1);
  if (p !== core.p) { core.p = p; core.price = PRODUCTS[p].price[c.cur]; }
}
function crossSell(c, st) {
  const missing = ADDONS.filter((p) => !st.lines.some((l) => l.p === p));
  if (missing.length) st.lines.push(addon(c, pick(missing), st.lines[0].q, st.lines[0].d));
}
function dropAddon(st) {
  if (st.lines.length > 1) st.lines.splice(int(1, st.lines.length - 1), 1);
}
/** What changes between two terms. */
function renewalChanges(c, st) {
  if (chance(0.4)) changeSeats(st);
  if (chance(0.08)) changePlan(c, st, true);
  else if (chance(0.04)) changePlan(c, st, false);
  if (chance(0.06)) crossSell(c, st);
  if (chance(0.07)) dropAddon(st);
  if (chance(0.35)) { // list-price uplift, whole cents
    const up = int(3, 8);
    for (const l of st.lines) l.price = Math.round(l.price * (100 + up) / 100);
  }
  if (!c.selfServe && chance(0.15)) { const d = pickDiscount[c.size](); for (const l of st.lines) l.d = d; }
  if (chance(0.05)) st.billing = pickTermBilling();
}

function emit(c, ctr, l, billing, start, end, booked, cancel, reason, renews) {
  const months = PERIOD_MONTHS[billing];
  const unit = l.price * months;
  const num = l.q * unit * (1000 - l.d); // exact: stays far below 2^53
  const amount = Math.floor((2 * num + 1000) / 2000); // cents, half up
  c.rows.push(`${c.id},${ctr},${PRODUCTS[l.p].name},${label(start)},${end < 0 ? '' : label(end)},${billing},` +
    `${money(amount)},${CURRENCIES[c.cur]},${l.q},${money(unit)},${pct(l.d)},${c.dims},${label(booked)},` +
    `${cancel < 0 ? '' : label(cancel)},${reason},${renews}\n`);
}

/**
 * One contract from `start` through its renewals until it churns or reaches the data end.
 * Returns the last day of service when it churned, -1 when it is still running (or its renewal is pending).
 */
function runContract(c, start) {
  const st = newState(c);
  let id = newContractId(), renews = '';
  let t = start, booked = start - int(0, 30);
  for (;;) {
    stats.terms++;
    if (st.evergreen) {
      // Monthly, no end date: runs until a cancellation or a plan change, which lands on a billing anniversary.
      const ev = addMonths(t, pickEvergreenMonths());
      if (ev > DATA_END) {
        for (const l of st.lines) emit(c, id, l, 'month', t, -1, booked, -1, '', renews);
        return -1;
      }
      const r = rand();
      if (r < 0.55) {
        const reason = pickReason();
        for (const l of st.lines) emit(c, id, l, 'month', t, -1, booked, ev, reason, renews);
        stats.cancellations++;
        return ev - 1;
      }
      for (const l of st.lines) emit(c, id, l, 'month', t, ev - 1, booked, -1, '', renews);
      stats.evergreenChanges++;
      if (r < 0.9) {
        if (chance(0.4)) changePlan(c, st, chance(0.7));
        else changeSeats(st);
        if (chance(0.15)) crossSell(c, st);
      } else { st.evergreen = false; st.billing = pickTermBilling(); } // converts to an annual-style term
      renews = '';
      t = ev;
      booked = ev - int(0, 10);
      continue;
    }

    const end = addMonths(t, pickTermMonths[c.size]()) - 1;
    let extra = null, extraStart = -1; // co-terminous mid-term add-on: own start, same end
    if (end - t > 120 && chance(0.07)) {
      extraStart = firstOfMonth(t + int(45, end - t - 30));
      if (extraStart > t && extraStart <= DATA_END) {
        const missing = ADDONS.filter((p) => !st.lines.some((l) => l.p === p));
        const core = st.lines[0];
        extra = missing.length && chance(0.5)
          ? addon(c, pick(missing), core.q, core.d)
          : { p: core.p, q: Math.max(1, Math.round(core.q * int(5, 30) / 100)), price: core.price, d: core.d };
      }
    }
    let cancel = -1, reason = '', nextStart = -1, late = 0;
    if (chance(P_CANCEL[c.size])) {
      const cd = t + int(1, end - t);
      if (cd <= DATA_END) { cancel = cd; reason = pickReason(); stats.cancellations++; }
    }
    if (cancel < 0 && end < DATA_END) {
      if (chance(P_NONRENEW[c.size])) { reason = pickReason(); stats.nonRenewals++; }
      else {
        if (chance(0.15)) late = int(1, 60);
        nextStart = end + 1 + late;
        if (nextStart > DATA_END) nextStart = -1; // not signed yet: the renewal is pending
      }
    }
    for (const l of st.lines) emit(c, id, l, st.billing, t, end, booked, cancel, reason, renews);
    if (extra && (cancel < 0 || extraStart < cancel)) {
      emit(c, id, extra, st.billing, extraStart, end, extraStart - int(0, 14), cancel, reason, '');
      stats.midTermAddOns++;
      if (extra.p === st.lines[0].p) setSeats(st, st.lines[0].q + extra.q);
      else st.lines.push(extra);
    }
    if (cancel >= 0) return cancel - 1;
    if (reason) return end;
    if (nextStart < 0) return -1;

    stats.renewals++;
    if (late) stats.lateRenewals++;
    renewalChanges(c, st);
    if (chance(0.1)) { renews = id; id = newContractId(); stats.newIdRenewals++; } else renews = '';
    booked = nextStart - (late ? int(0, late - 1) : int(0, 90));
    t = nextStart;
  }
}

/** More customers start later (a growing business): density rises 1 → 6 over 2019..2025 (inverse CDF). */
function firstStartDay() {
  const x = (Math.sqrt(1 + 35 * rand()) - 1) / 5;
  const day = FIRST_START + Math.floor(x * (DATA_END - FIRST_START + 1));
  return chance(0.6) ? firstOfMonth(day) : day;
}

const pickExtraContracts = weighted([[2, 60], [3, 25], [4, 15]]);
function generateCustomer(n) {
  const c = newCustomer(n);
  stats.customers++;
  const first = firstStartDay();
  const contracts = chance(0.2) ? pickExtraContracts() : 1;
  for (let k = 0; k < contracts; k++) {
    let start = k === 0 ? first : first + int(30, 900);
    if (start > DATA_END) start = int(first, DATA_END);
    // A churned contract sometimes comes back later as a new contract (reactivation).
    for (let last = runContract(c, start); last >= 0 && chance(P_REACTIVATE);) {
      start = last + 1 + int(60, 900);
      if (start > DATA_END) break;
      stats.reactivations++;
      last = runContract(c, start);
    }
  }
  return c.rows;
}

// ---------- output ----------
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const t0 = process.hrtime.bigint();
  seedRng(args.seed);
  const out = args.out === '-' ? process.stdout : fs.createWriteStream(args.out, { highWaterMark: 1 << 20 });
  let failed = null, wake = null;
  out.on('error', (e) => { failed = e; wake?.(); });
  // Rows go straight into a byte buffer (all ASCII): concatenating strings made the GC the main cost.
  const CAP = 1 << 20;
  let buf = Buffer.allocUnsafe(CAP), pos = buf.write(HEADER, 0, 'latin1');
  let bytes = 0, written = 0, truncated = 0;
  const flush = async () => {
    bytes += pos;
    const ok = out.write(buf.subarray(0, pos));
    buf = Buffer.allocUnsafe(CAP); // the stream keeps the old one until written
    pos = 0;
    // Backpressure: wait for the stream to drain (or fail) before generating more.
    if (!ok && !failed) await new Promise((resolve) => { wake = resolve; out.once('drain', resolve); });
    if (failed) throw failed;
  };
  for (let n = 1; written < args.rows; n++) {
    const rows = generateCustomer(n);
    const take = Math.min(rows.length, args.rows - written);
    truncated = rows.length - take;
    for (let i = 0; i < take; i++) {
      if (pos + rows[i].length > CAP) await flush();
      pos += buf.write(rows[i], pos, 'latin1');
    }
    written += take;
  }
  await flush();
  if (out !== process.stdout) { out.end(); await once(out, 'finish'); }
  if (args.quiet) return;
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const s = stats;
  process.stderr.write(
    `gen-contracts: ${written} rows, ${(bytes / 2 ** 20).toFixed(1)} MiB in ${secs.toFixed(2)} s ` +
    `(${Math.round(written / secs)} rows/s) -> ${args.out}\n` +
    `  ${s.customers} customers, ${s.contracts} contracts, ${s.terms} terms; renewals ${s.renewals} ` +
    `(late ${s.lateRenewals}, new contract id ${s.newIdRenewals}); early cancellations ${s.cancellations}, ` +
    `non-renewals ${s.nonRenewals}, reactivations ${s.reactivations}, mid-term add-ons ${s.midTermAddOns}, ` +
    `evergreen changes ${s.evergreenChanges}` +
    (truncated ? `; last customer cut by ${truncated} rows to hit --rows` : '') + '\n');
}

main().catch((e) => {
  if (e.code === 'EPIPE') process.exit(0); // `... --out - | head` is a normal way to peek
  process.stderr.write(`gen-contracts: ${e.message}\n`);
  process.exit(1);
});
