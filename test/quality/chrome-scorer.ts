// Scores page-chrome removal against gold fixtures: every chrome line removed (any kind), every
// article line kept, the kinds right, and title/byline/outlet read off the chrome.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CleanDocument } from '../../src/schema.ts';

export interface ChromeGold {
  chrome: { line: string; kind: string; partial?: boolean }[];
  keep: string[];
  meta: { title: string | null; byline: string | null; outlet: string | null };
}

export interface ChromeScore {
  name: string;
  chromeLines: number;
  chromeRemoved: number;
  kindsRight: number;
  articleLines: number;
  articleKept: number;
  metaFields: number;
  metaRight: number;
  misses: string[];
}

export function loadFixtures(dir: string): { name: string; text: string; gold: ChromeGold }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.txt$/, ''),
      text: readFileSync(join(dir, f), 'utf8'),
      gold: JSON.parse(readFileSync(join(dir, f.replace(/\.txt$/, '.gold.json')), 'utf8')) as ChromeGold,
    }));
}

/** Kinds that a reader would take as the same verdict. */
const SAME_KIND: Record<string, string> = { duplicate: 'caption' };
const norm = (kind: string) => SAME_KIND[kind] ?? kind;

export function scoreFixture(name: string, text: string, gold: ChromeGold, doc: CleanDocument): ChromeScore {
  const score: ChromeScore = { name, chromeLines: 0, chromeRemoved: 0, kindsRight: 0, articleLines: 0, articleKept: 0, metaFields: 0, metaRight: 0, misses: [] };
  const removedAt = (start: number, end: number) => doc.removed.find((r) => r.start <= start && r.end >= end);
  const used = new Map<string, number>();
  for (const entry of gold.chrome) {
    score.chromeLines++;
    // The n-th gold entry for a line text is the n-th occurrence of that line.
    const seen = used.get(entry.line) ?? 0;
    used.set(entry.line, seen + 1);
    const at = nthLineOccurrence(text, entry.line, seen, entry.partial === true);
    const removed = at >= 0 ? removedAt(at, at + entry.line.length) : undefined;
    if (removed) {
      score.chromeRemoved++;
      if (norm(removed.kind) === norm(entry.kind)) score.kindsRight++;
      else score.misses.push(`kind ${removed.kind} ≠ ${entry.kind}: ${entry.line.slice(0, 70)}`);
    } else score.misses.push(`chrome kept (${entry.kind}): ${entry.line.slice(0, 70)}`);
  }
  const chromeText = new Set(gold.chrome.map((c) => c.line));
  const articleLines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !chromeText.has(l));
  for (const line of [...new Set([...articleLines, ...gold.keep])]) {
    const kept = gold.chrome.some((c) => c.partial && line.endsWith(c.line)) ? line.slice(0, line.lastIndexOf(gold.chrome.find((c) => c.partial && line.endsWith(c.line))!.line)).trim() : line;
    score.articleLines++;
    if (doc.text.includes(kept)) score.articleKept++;
    else score.misses.push(`article lost: ${line.slice(0, 70)}`);
  }
  for (const field of ['title', 'byline', 'outlet'] as const) {
    score.metaFields++;
    const want = gold.meta[field];
    const got = doc.meta[field];
    if ((want ?? null) === (got ?? null)) score.metaRight++;
    else score.misses.push(`meta.${field}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  }
  return score;
}

function nthLineOccurrence(text: string, line: string, n: number, partial: boolean): number {
  let from = 0;
  let count = 0;
  for (;;) {
    const at = text.indexOf(line, from);
    if (at < 0) return -1;
    const lineStart = at === 0 || text[at - 1] === '\n' || /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', at - 1) + 1, at));
    if (partial || lineStart) {
      if (count === n) return at;
      count++;
    }
    from = at + 1;
  }
}

export function totals(scores: ChromeScore[]) {
  const sum = (k: keyof ChromeScore) => scores.reduce((a, s) => a + (s[k] as number), 0);
  return {
    chromeRecall: sum('chromeRemoved') / Math.max(1, sum('chromeLines')),
    kindAccuracy: sum('kindsRight') / Math.max(1, sum('chromeRemoved')),
    articleKept: sum('articleKept') / Math.max(1, sum('articleLines')),
    metaAccuracy: sum('metaRight') / Math.max(1, sum('metaFields')),
  };
}
