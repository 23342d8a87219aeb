// One synthetic report from real pieces: a base report's paragraphs reshuffled and resized,
// its own chrome thinned out and chrome lines spliced in from another report.
import { pick, randomInt, sample, shuffled, type Random } from './prng.ts';
import type { SourceReport } from './sources.ts';

export interface ComposedDocument {
  text: string;
  base: SourceReport;
}

/** Body length as a multiple of the base report's: short briefs up to long reads. */
const LENGTH_FACTOR_MIN = 0.3;
const LENGTH_FACTOR_MAX = 2.5;
const MIN_PARAGRAPHS = 2;
/** Chance that each of the base report's own chrome lines survives. */
const KEEP_OWN_CHROME = 0.8;
/** Most chrome lines spliced in from another report at the top and at the bottom. */
const MAX_SPLICED_LINES = 4;
/** Most chrome lines (captions, share bars) dropped between paragraphs. */
const MAX_MID_CHROME = 3;
/** Some scrapes separate paragraphs by single newlines (like seed 003); the cleaner must cope. */
const SINGLE_NEWLINE_SHARE = 0.2;

export function composeDocument(random: Random, base: SourceReport, sources: readonly SourceReport[]): ComposedDocument {
  const body = resizedBody(random, base, sources);
  const donor = pick(
    random,
    sources.filter((s) => s !== base),
  );

  const head = [...thin(random, base.headChrome), ...sample(random, donor.headChrome, randomInt(random, 0, MAX_SPLICED_LINES))];
  const tail = [...thin(random, base.tailChrome), ...sample(random, donor.tailChrome, randomInt(random, 0, MAX_SPLICED_LINES))];
  const midPool = [...base.midChrome, ...donor.midChrome];
  const midCount = midPool.length ? randomInt(random, 0, MAX_MID_CHROME) : 0;
  for (let i = 0; i < midCount; i++) body.splice(randomInt(random, 1, body.length), 0, pick(random, midPool));

  const separator = random() < SINGLE_NEWLINE_SHARE ? '\n' : '\n\n';
  const parts = [head.join('\n'), body.join(separator), tail.join('\n')].filter((p) => p !== '');
  return { text: parts.join('\n\n') + '\n', base };
}

/** The base's paragraphs shuffled, cut short or extended with paragraphs on the same event. */
function resizedBody(random: Random, base: SourceReport, sources: readonly SourceReport[]): string[] {
  const factor = LENGTH_FACTOR_MIN + random() * (LENGTH_FACTOR_MAX - LENGTH_FACTOR_MIN);
  const want = Math.max(MIN_PARAGRAPHS, Math.round(base.body.length * factor));
  const body = shuffled(random, base.body).slice(0, want);
  // Same family only: mixing events would make every spliced paragraph look off-topic.
  const family = sources.filter((s) => s !== base && s.family === base.family && s.body.length > 0);
  while (body.length < want && family.length > 0) {
    const donor = pick(random, family);
    body.push(...sample(random, donor.body, want - body.length));
  }
  return body;
}

function thin(random: Random, lines: readonly string[]): string[] {
  return lines.filter(() => random() < KEEP_OWN_CHROME);
}
