// Which system exported a file, from its header row alone (METRICS.md §8): each profile scores the number of
// its signature headers present (compared without case, spaces or punctuation); the best score at or above
// the profile's minimum wins, ties go to the earlier profile; otherwise the generic canonical layout applies.
import { normalizeHeader } from './column-map.js';
import { profileNamed, sourceProfiles, type SourceName, type SourceProfile } from './source-profiles.js';

export interface SourceDetection {
  profile: SourceProfile;
  /** True when --source (or the config) named it. */
  forced: boolean;
  /** Signature headers of the chosen profile found in the file, as written in the file. */
  matched: string[];
  /** The best profile that was not chosen, with its score (for "why"). */
  runnerUp: { name: SourceName; score: number } | undefined;
  /** One sentence: why this profile. */
  reason: string;
}

export function detectSource(headers: readonly string[], forced?: SourceName): SourceDetection {
  const byKey = new Map<string, string>();
  for (const h of headers) if (!byKey.has(normalizeHeader(h))) byKey.set(normalizeHeader(h), h);
  const scored = sourceProfiles
    .filter((p) => p.signature.length > 0)
    .map((profile) => {
      const matched = profile.signature.map((s) => byKey.get(normalizeHeader(s))).filter((h): h is string => h !== undefined);
      return { profile, matched: [...new Set(matched)] };
    });
  const ranked = [...scored].sort((a, b) => b.matched.length - a.matched.length);
  if (forced !== undefined) {
    const profile = profileNamed(forced);
    const own = scored.find((s) => s.profile === profile);
    const best = ranked.find((s) => s.profile !== profile);
    return {
      profile,
      forced: true,
      matched: own?.matched ?? [],
      runnerUp: best && best.matched.length > 0 ? { name: best.profile.name, score: best.matched.length } : undefined,
      reason: `--source ${forced}`,
    };
  }
  const winner = ranked.find((s) => s.matched.length >= s.profile.minimumScore);
  if (winner === undefined) {
    const best = ranked[0];
    const runnerUp = best && best.matched.length > 0 ? { name: best.profile.name, score: best.matched.length } : undefined;
    return {
      profile: profileNamed('generic'),
      forced: false,
      matched: [],
      runnerUp,
      reason: runnerUp
        ? `no source signature matched enough headers (best: ${runnerUp.name}, ${runnerUp.score} of ${profileNamed(runnerUp.name).minimumScore} needed); canonical names and aliases apply`
        : 'no source signature matched; canonical names and aliases apply',
    };
  }
  const second = ranked.find((s) => s !== winner);
  return {
    profile: winner.profile,
    forced: false,
    matched: winner.matched,
    runnerUp: second && second.matched.length > 0 ? { name: second.profile.name, score: second.matched.length } : undefined,
    reason: `${winner.matched.length} ${winner.profile.name} signature headers: ${winner.matched.join(', ')}`,
  };
}
