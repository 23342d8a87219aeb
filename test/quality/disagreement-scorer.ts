// Scoring value disagreements on ECB+ stories through the user's path (each story's articles as
// text reports, briefed together) against hand-labelled gold (test/fixtures/gold/
// disagreements-ecbplus.json): real disagreements found (recall), agreement traps flagged (values
// stated differently that agree, must never be a disagreement), and flags gold cannot verify.
import { readFileSync } from 'node:fs';
import { cleanDocument } from '../../src/clean/index.ts';
import { briefDocuments } from '../../src/pipeline/run.ts';
import type { Brief, Disagreement, Span } from '../../src/schema.ts';
import type { EcbArticle } from './ecbplus.ts';

interface GoldMention {
  doc: string;
  start: number;
  end: number;
}

export interface GoldDisagreement {
  story: string;
  what: string;
  severity: 'contradiction' | 'update';
  variants: { value: string; mentions: GoldMention[] }[];
}

export interface GoldTrap {
  story: string;
  what: string;
  mentions: GoldMention[];
}

export interface DisagreementGold {
  stories: string[];
  disagreements: GoldDisagreement[];
  traps: GoldTrap[];
}

export const DISAGREEMENT_GOLD = new URL('../fixtures/gold/disagreements-ecbplus.json', import.meta.url);

export function loadDisagreementGold(): DisagreementGold {
  return JSON.parse(readFileSync(DISAGREEMENT_GOLD, 'utf8')) as DisagreementGold;
}

const VALUE_KINDS = new Set(['number', 'duration', 'time', 'date']);

export interface BriefedStory {
  story: string;
  brief: Brief;
  /** ECB+ file name → document id. */
  docOf: Map<string, string>;
}

/** A story's articles briefed together, each as the text file a user would hand over. */
export function briefStory(story: string, articles: EcbArticle[]): BriefedStory {
  const docOf = new Map<string, string>();
  const documents = articles.map((a) => {
    const doc = cleanDocument({ source: a.id.replace(/\.xml$/, '.txt'), format: 'text', content: a.text, hints: {} });
    docOf.set(a.id, doc.id);
    return doc;
  });
  return { story, brief: briefDocuments(documents), docOf };
}

function overlaps(span: Span, mention: GoldMention, docOf: Map<string, string>): boolean {
  return docOf.get(mention.doc) === span.doc && span.start < mention.end && mention.start < span.end;
}

/** For each predicted variant, the gold variants (indexes) whose mentions it covers. */
function variantMatches(d: Disagreement, gold: GoldDisagreement, docOf: Map<string, string>): Set<number>[] {
  return d.variants.map((v) => new Set(gold.variants.flatMap((g, k) => (v.support.some((s) => g.mentions.some((m) => overlaps(s, m, docOf))) ? [k] : []))));
}

/** Two predicted variants cover two different gold variants: the disagreement is found. */
function finds(d: Disagreement, gold: GoldDisagreement, docOf: Map<string, string>): boolean {
  const matches = variantMatches(d, gold, docOf);
  for (let a = 0; a < matches.length; a++) for (let b = a + 1; b < matches.length; b++) for (const x of matches[a]!) for (const y of matches[b]!) if (x !== y) return true;
  return false;
}

/** Two trap mentions put in different variants: agreeing values flagged as a disagreement. */
function flagsTrap(d: Disagreement, trap: GoldTrap, docOf: Map<string, string>): boolean {
  const variantOf = trap.mentions.map((m) => d.variants.findIndex((v) => v.support.some((s) => overlaps(s, m, docOf))));
  return variantOf.some((a, i) => a >= 0 && variantOf.some((b, j) => j > i && b >= 0 && b !== a));
}

export interface DisagreementScores {
  recall: number;
  found: number;
  gold: number;
  trapsFlagged: number;
  traps: number;
  /** Value disagreements that match no gold disagreement, per story. */
  unverifiedPerStory: number;
  unverified: number;
  flags: number;
  stories: number;
  missed: GoldDisagreement[];
  unverifiedFlags: { story: string; disagreement: Disagreement }[];
  flaggedTraps: GoldTrap[];
}

export function scoreDisagreements(gold: DisagreementGold, briefed: BriefedStory[]): DisagreementScores {
  let found = 0;
  let trapsFlagged = 0;
  let unverified = 0;
  let flags = 0;
  const missed: GoldDisagreement[] = [];
  const unverifiedFlags: DisagreementScores['unverifiedFlags'] = [];
  const flaggedTraps: GoldTrap[] = [];
  for (const { story, brief, docOf } of briefed) {
    const values = brief.disagreements.filter((d) => VALUE_KINDS.has(d.kind));
    const golds = gold.disagreements.filter((g) => g.story === story);
    for (const g of golds) {
      if (values.some((d) => finds(d, g, docOf))) found++;
      else missed.push(g);
    }
    for (const t of gold.traps.filter((t) => t.story === story)) {
      if (values.some((d) => flagsTrap(d, t, docOf))) {
        trapsFlagged++;
        flaggedTraps.push(t);
      }
    }
    for (const d of values) {
      flags++;
      if (!golds.some((g) => finds(d, g, docOf))) {
        unverified++;
        unverifiedFlags.push({ story, disagreement: d });
      }
    }
  }
  return {
    recall: gold.disagreements.length ? found / gold.disagreements.length : 1,
    found,
    gold: gold.disagreements.length,
    trapsFlagged,
    traps: gold.traps.length,
    unverifiedPerStory: briefed.length ? unverified / briefed.length : 0,
    unverified,
    flags,
    stories: briefed.length,
    missed,
    unverifiedFlags,
    flaggedTraps,
  };
}
