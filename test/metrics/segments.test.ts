// Hand-worked segment attribution (METRICS.md §6) through `retain bridge --by … --format json`:
// the largest line at begin(P) decides, else the largest at the end of P; ties go to the smaller value
// text; an entity whose largest line changes moves its MRR between segments at the next period's start.
import { describe, expect, it } from 'vitest';
import { csv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';
import { expectSegmentInvariants, moneyOf, rowOf, segmentedBridge } from '../helpers/segment-json.js';

const monthly = ['--as-of', '2024-06-30'];

describe('attribution to the largest line', () => {
  it('puts all of an entity in the segment of its largest line, not split by line', async () => {
    // X has EMEA 100 and AMER 300 from January: all 400 is AMER (largest line), nothing in EMEA.
    const data = csv`
      customer_id,start_date,mrr,region
      X,2024-01-01,100,EMEA
      X,2024-01-01,300,AMER
    `;
    const { rows } = await segmentedBridge(data, [...monthly, '--by', 'region']);
    expect(moneyOf(rows, '2024-01', { region: 'AMER' })).toMatchObject({ new: '400.00', end: '400.00' });
    expect(rowOf(rows, '2024-01', { region: 'EMEA' })).toBeUndefined();
    expectSegmentInvariants(rows);
  });

  it('breaks a tie between equally large lines by the value text (AMER before EMEA)', async () => {
    const data = csv`
      customer_id,start_date,mrr,region
      T,2024-01-01,200,EMEA
      T,2024-01-01,200,AMER
      U,2024-01-01,50,emea
      U,2024-01-01,50,EMEA
    `;
    const { rows } = await segmentedBridge(data, [...monthly, '--by', 'region']);
    expect(moneyOf(rows, '2024-01', { region: 'AMER' }).new).toBe('400.00');
    // Code-point order: upper case before lower case, so "EMEA" < "emea".
    expect(moneyOf(rows, '2024-01', { region: 'EMEA' }).new).toBe('100.00');
    expect(rowOf(rows, '2024-01', { region: 'emea' })).toBeUndefined();
  });

  it('attributes a new entity by its largest line at the end of the period, not its first line', async () => {
    // N starts 01-05 with EMEA 500 that ends 01-20 (cancelled: no grace), and AMER 80 from 01-10: on 01-31
    // only AMER is active, so the new 80 is AMER; the EMEA line never shows.
    const data = csv`
      customer_id,start_date,end_date,cancel_date,mrr,region
      N,2024-01-05,2024-12-31,2024-01-21,500,EMEA
      N,2024-01-10,,,80,AMER
    `;
    const { rows } = await segmentedBridge(data, [...monthly, '--by', 'region']);
    expect(moneyOf(rows, '2024-01', { region: 'AMER' })).toMatchObject({ new: '80.00', end: '80.00' });
    expect(rowOf(rows, '2024-01', { region: 'EMEA' })).toBeUndefined();
  });

  it('moves an entity whose largest line changes, and books the period movement in its begin segment', async () => {
    // Y: EMEA 100 from 01-01 to 02-29; AMER 150 from 02-15 (evergreen).
    //   Jan: new 100 in EMEA.  Feb: begin (01-31) largest EMEA → EMEA; end 250 → expansion 150 in EMEA.
    //   Mar: begin (02-29) largest is AMER 150 > EMEA 100 → Y is AMER in March: 250 moves EMEA → AMER;
    //        end 150 (the EMEA line is over: nothing starts after it, so no grace bridges it)
    //        → contraction 100 in AMER, although the lost line was EMEA's.
    const data = csv`
      customer_id,start_date,end_date,mrr,region
      Y,2024-01-01,2024-02-29,100,EMEA
      Y,2024-02-15,,150,AMER
    `;
    const { rows } = await segmentedBridge(data, [...monthly, '--by', 'region', '--grace-days', '0']);
    expect(moneyOf(rows, '2024-01', { region: 'EMEA' })).toMatchObject({ new: '100.00', end: '100.00' });
    expect(moneyOf(rows, '2024-02', { region: 'EMEA' })).toMatchObject({ begin: '100.00', expansion: '150.00', end: '250.00' });
    const marchEmea = rowOf(rows, '2024-03', { region: 'EMEA' })!;
    expect(marchEmea.money).toMatchObject({ begin: '0.00', end: '0.00' });
    expect(marchEmea.segmentFlow).toEqual({ movedIn: '0.00', movedOut: '250.00', movedInCount: 0, movedOutCount: 1 });
    const marchAmer = rowOf(rows, '2024-03', { region: 'AMER' })!;
    expect(marchAmer.money).toMatchObject({ begin: '250.00', contraction: '100.00', end: '150.00' });
    expect(marchAmer.segmentFlow).toEqual({ movedIn: '250.00', movedOut: '0.00', movedInCount: 1, movedOutCount: 0 });
    // April: nothing moves any more; EMEA has no row.
    expect(rowOf(rows, '2024-04', { region: 'EMEA' })).toBeUndefined();
    expect(rowOf(rows, '2024-04', { region: 'AMER' })!.segmentFlow?.movedIn).toBe('0.00');
    expect(moneyOf(rows, '2024-03', null)).toMatchObject({ begin: '250.00', contraction: '100.00', end: '150.00' });
    expectSegmentInvariants(rows);
  });

  it('crosses two columns (--by region,size and --by region --by size give the same report)', async () => {
    const data = csv`
      customer_id,start_date,mrr,region,size
      A,2024-01-01,100,EMEA,SMB
      B,2024-01-01,200,EMEA,Enterprise
      C,2024-02-01,300,AMER,SMB
    `;
    const comma = await segmentedBridge(data, [...monthly, '--by', 'region,size']);
    const repeated = await segmentedBridge(data, [...monthly, '--by', 'region', '--by', 'size']);
    expect(repeated.rows).toEqual(comma.rows);
    // Rows sorted by region then size, total last.
    expect(comma.rows.filter((r) => r.period === '2024-02').map((r) => r.segment)).toEqual([
      { region: 'AMER', size: 'SMB' },
      { region: 'EMEA', size: 'Enterprise' },
      { region: 'EMEA', size: 'SMB' },
      null,
    ]);
    expect(moneyOf(comma.rows, '2024-02', { region: 'AMER', size: 'SMB' }).new).toBe('300.00');
    expect(comma.report).toMatchObject({ segmentBy: ['region', 'size'] });
    expectSegmentInvariants(comma.rows);
  });

  it('keeps an empty value as its own segment', async () => {
    const data = csv`
      customer_id,start_date,mrr,region
      A,2024-01-01,100,
      B,2024-01-01,200,EMEA
    `;
    const { rows } = await segmentedBridge(data, [...monthly, '--by', 'region']);
    expect(moneyOf(rows, '2024-01', { region: '' }).new).toBe('100.00');
  });

  it('leaves the total rows exactly as the plain bridge prints them', async () => {
    const data = csv`
      customer_id,start_date,end_date,mrr,region
      A,2024-01-01,2024-03-31,100,EMEA
      A,2024-04-01,,120,AMER
      B,2024-02-01,2024-02-20,70,EMEA
      C,2024-01-15,,60,APAC
    `;
    const plain = await segmentedBridge(data, monthly);
    const by = await segmentedBridge(data, [...monthly, '--by', 'region']);
    expect(by.rows.filter((r) => r.segment === null)).toEqual(plain.rows);
    expect(plain.report).not.toHaveProperty('segmentBy');
    expectSegmentInvariants(by.rows);
  });
});

describe('derived segments', () => {
  it('bands MRR and ARR at begin, else at the end; a threshold starts its band', async () => {
    // A 99.99 (ARR 1,199.88), B exactly 100 (ARR 1,200), C 1,000, D 10,000 (ARR 120,000).
    const data = csv`
      customer_id,start_date,mrr
      A,2024-01-01,99.99
      B,2024-01-01,100
      C,2024-01-01,1000
      D,2024-01-01,10000
    `;
    const mrr = await segmentedBridge(data, [...monthly, '--by', 'mrr_band']);
    const jan = mrr.rows.filter((r) => r.period === '2024-01');
    expect(jan.map((r) => [r.segment?.mrr_band ?? 'total', r.money.new])).toEqual([
      ['0–100', '99.99'],
      ['100–1k', '100.00'],
      ['1k–10k', '1000.00'],
      ['10k+', '10000.00'],
      ['total', '11199.99'],
    ]);
    const arr = await segmentedBridge(data, [...monthly, '--by', 'arr_band']);
    expect(arr.rows.filter((r) => r.period === '2024-01').map((r) => r.segment?.arr_band ?? 'total')).toEqual(['1k–10k', '10k–100k', '100k+', 'total']);
    const custom = await segmentedBridge(data, [...monthly, '--by', 'mrr_band', '--bands', '0,500']);
    expect(custom.rows.filter((r) => r.period === '2024-01').map((r) => r.segment?.mrr_band ?? 'total')).toEqual(['0–500', '500+', 'total']);
  });

  it('moves an entity to the next band when it grows, at the start of the following period', async () => {
    // E: 90 in January, 150 from February. Feb: begin 90 → band 0–100, expansion 60 there;
    // March: begin 150 → 100–1k: 150 moves from 0–100 to 100–1k.
    const data = csv`
      customer_id,start_date,end_date,mrr
      E,2024-01-01,2024-01-31,90
      E,2024-02-01,,150
    `;
    const { rows } = await segmentedBridge(data, [...monthly, '--by', 'mrr_band']);
    expect(moneyOf(rows, '2024-02', { mrr_band: '0–100' })).toMatchObject({ begin: '90.00', expansion: '60.00', end: '150.00' });
    expect(rowOf(rows, '2024-03', { mrr_band: '100–1k' })!.segmentFlow).toMatchObject({ movedIn: '150.00', movedInCount: 1 });
    expect(rowOf(rows, '2024-03', { mrr_band: '0–100' })!.segmentFlow).toMatchObject({ movedOut: '150.00', movedOutCount: 1 });
    expectSegmentInvariants(rows);
  });

  it('measures tenure in whole months since first activity, at begin(P)', async () => {
    // F first active 2023-12-31; begin of 2024-06 is 05-31: 5 whole months (12-31 → 05-31 is 5) → 0–6m.
    // Begin of 2024-07 is 06-30: June has no 31st, so 06-30 completes month 6 → 6–12m (F moves).
    // G first active 2023-01-15; begin of 2024-06 (05-31) → 16 months → 12–24m.
    const data = csv`
      customer_id,start_date,mrr
      F,2023-12-31,100
      G,2023-01-15,100
    `;
    const { rows } = await segmentedBridge(data, ['--as-of', '2024-07-31', '--from', '2024-06', '--by', 'tenure']);
    expect(rows.filter((r) => r.period === '2024-06').map((r) => [r.segment?.tenure ?? 'total', r.money.begin])).toEqual([
      ['0–6m', '100.00'],
      ['12–24m', '100.00'],
      ['total', '200.00'],
    ]);
    expect(rowOf(rows, '2024-07', { tenure: '6–12m' })!.segmentFlow).toMatchObject({ movedIn: '100.00' });
    expectSegmentInvariants(rows);
  });

  it('groups by cohort at the report period or --cohort-period', async () => {
    const data = csv`
      customer_id,start_date,mrr
      H,2024-01-20,100
      I,2024-03-05,200
      J,2024-04-01,300
    `;
    const { rows } = await segmentedBridge(data, [...monthly, '--period', 'quarter', '--by', 'cohort']);
    expect(rows.filter((r) => r.period === '2024-Q2').map((r) => [r.segment?.cohort ?? 'total', r.money.end])).toEqual([
      ['2024-Q1', '300.00'],
      ['2024-Q2', '300.00'],
      ['total', '600.00'],
    ]);
    const months = await segmentedBridge(data, [...monthly, '--period', 'quarter', '--by', 'cohort', '--cohort-period', 'month']);
    expect(months.rows.filter((r) => r.period === '2024-Q2').map((r) => r.segment?.cohort ?? 'total')).toEqual(['2024-01', '2024-03', '2024-04', 'total']);
  });
});

describe('usage', () => {
  it('names a missing --by column and lists the columns there are', async () => {
    const r = await runCli(['bridge', '--by', 'regoin', '--as-of', '2024-06-30', '-'], { stdin: 'customer_id,start_date,mrr,region\nA,2024-01-01,1,EMEA\n' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('no column "regoin" to segment by; unmapped columns are: region');
  });

  it.each([
    [['--by', 'mrr_band', '--bands', '100,10'], '--bands "100,10": thresholds must be strictly ascending'],
    [['--by', 'mrr_band', '--bands', '0,1.005'], 'at most 2 decimals'],
    [['--by', 'tenure', '--tenure-bands', '0,x'], '--tenure-bands "0,x"'],
    [['--by', 'region,region'], '--by region is given twice'],
  ])('rejects %j', async (flags, message) => {
    const r = await runCli(['bridge', ...flags, '--as-of', '2024-06-30', '-'], { stdin: 'customer_id,start_date,mrr,region\nA,2024-01-01,1,EMEA\n' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
