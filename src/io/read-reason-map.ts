// --reason-map FILE: a JSON object from exact churn_reason values to their classes (METRICS.md §7), e.g.
// {"Moved to competitor": {"avoidable": "avoidable", "voluntary": "voluntary"}}. An axis left out is decided
// by the keywords. Validated with zod; a problem comes back as one message naming the value and the key.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { avoidableClasses, voluntaryClasses, type ReasonClasses, type ReasonMap } from '../model/churn-reason.js';

const entrySchema = z
  .object({
    avoidable: z.enum(avoidableClasses).optional(),
    voluntary: z.enum(voluntaryClasses).optional(),
  })
  .strict();

const mapSchema = z.record(z.string(), entrySchema);

/** Returns the map, or a message naming the file and the problem. */
export async function readReasonMap(path: string, shown: string): Promise<ReasonMap | string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return `cannot read --reason-map ${shown}`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    return `--reason-map ${shown}: not valid JSON (${(cause as Error).message})`;
  }
  const parsed = mapSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map((p) => (typeof p === 'string' ? `"${p}"` : String(p))).join(' → ') ?? '';
    const expected = `an object {"reason text": {"avoidable": "${avoidableClasses.join('|')}", "voluntary": "${voluntaryClasses.join('|')}"}}`;
    return `--reason-map ${shown}: ${where === '' ? '' : `${where}: `}${issue?.message ?? 'invalid'} (expected ${expected})`;
  }
  const map = new Map<string, Partial<ReasonClasses>>();
  for (const [reason, entry] of Object.entries(parsed.data)) {
    const classes: Partial<ReasonClasses> = {};
    if (entry.avoidable !== undefined) classes.avoidable = entry.avoidable;
    if (entry.voluntary !== undefined) classes.voluntary = entry.voluntary;
    map.set(reason.trim(), classes);
  }
  return map;
}
