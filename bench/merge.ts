// Phase 2: mergeAnalyses (cross-document identity) on groups of analysed documents the size of a
// brief. Each group is consecutive documents about one event (one source family), as a brief
// would be; groups of one size are disjoint and alternate between the families.
import { mergeAnalyses, type DocumentAnalysis } from '../src/analyse/index.ts';
import { timed } from './measure.ts';

export interface MergeSize {
  /** Documents per group. */
  documents: number;
  groups: number;
  /** One per group, in run order: the group's event family and its time. */
  runs: { family: string; ms: number }[];
  medianMs: number;
  maxMs: number;
  /** Per group, averaged: entities handed in (confirmed + unconfirmed), out, and quotes. */
  entitiesIn: number;
  entitiesOut: number;
  quotes: number;
  /** Person entities with two or more name parts: what the misspelling step compares. */
  people: number;
}

export interface MergeResult {
  sizes: MergeSize[];
  /** Sizes asked for but not run: too few analysed documents of one family. */
  skipped: number[];
}

const INITIAL = /^\p{Lu}\.$/u;

export function measureMerge(byFamily: ReadonlyMap<string, readonly DocumentAnalysis[]>, sizes: readonly number[], groupsPerSize: number, onProgress?: (message: string) => void): MergeResult {
  const families = [...byFamily.keys()].sort();
  const result: MergeResult = { sizes: [], skipped: [] };
  if (families.length === 0) return { sizes: [], skipped: [...sizes] };
  // Untimed: compiles the merge code before the first measured group.
  const first = byFamily.get(families[0] ?? '') ?? [];
  if (first.length) mergeAnalyses(first.slice(0, Math.min(5, first.length)));

  for (const size of sizes) {
    const groups: { family: string; analyses: DocumentAnalysis[] }[] = [];
    for (let g = 0; g < groupsPerSize; g++) {
      const family = families[g % families.length]!;
      const slot = Math.floor(g / families.length);
      const analyses = byFamily.get(family)!.slice(slot * size, (slot + 1) * size);
      if (analyses.length === size) groups.push({ family, analyses });
    }
    if (groups.length === 0) {
      result.skipped.push(size);
      continue;
    }
    const runs: { family: string; ms: number }[] = [];
    let entitiesIn = 0;
    let entitiesOut = 0;
    let quotes = 0;
    let people = 0;
    for (const group of groups) {
      const run = timed(() => mergeAnalyses(group.analyses));
      runs.push({ family: group.family, ms: run.ms });
      entitiesIn += group.analyses.reduce((sum, a) => sum + a.entities.length + a.unconfirmed.length, 0);
      entitiesOut += run.value.entities.length;
      quotes += run.value.quotes.length;
      people += multiPartPeople(group.analyses);
    }
    const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
    const k = groups.length;
    result.sizes.push({
      documents: size,
      groups: k,
      runs,
      medianMs: k % 2 ? sorted[(k - 1) / 2]! : (sorted[k / 2 - 1]! + sorted[k / 2]!) / 2,
      maxMs: sorted[k - 1]!,
      entitiesIn: entitiesIn / k,
      entitiesOut: entitiesOut / k,
      quotes: quotes / k,
      people: people / k,
    });
    onProgress?.(`merge: ${k} groups of ${size} documents`);
  }
  return result;
}

/** As mergeAnalyses counts them: person names with two or more parts, initials left out. */
function multiPartPeople(analyses: readonly DocumentAnalysis[]): number {
  let n = 0;
  for (const a of analyses) {
    for (const e of [...a.entities, ...a.unconfirmed]) {
      if (e.type === 'person' && e.name.split(/\s+/).filter((p) => p && !INITIAL.test(p)).length > 1) n++;
    }
  }
  return n;
}

/**
 * How time grows from one size to the next, per event family (the families differ in how many
 * people they name): the family's first group at each size, t ∝ n^exponent between the two.
 */
export function growth(from: MergeSize, to: MergeSize): { family: string; factor: number; exponent: number }[] {
  const out: { family: string; factor: number; exponent: number }[] = [];
  for (const a of from.runs) {
    const b = to.runs.find((r) => r.family === a.family);
    if (!b || out.some((g) => g.family === a.family)) continue;
    const factor = b.ms / a.ms;
    out.push({ family: a.family, factor, exponent: Math.log(factor) / Math.log(to.documents / from.documents) });
  }
  return out;
}
