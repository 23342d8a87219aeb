// Scoring on the multi-outlet AllSides data through the user's path: each outlet's version of an
// event becomes one text report (headline, blank line, opening sentences), briefed together as
// `corroborate brief a.txt b.txt c.txt` would. Alignment is scored against hand-labelled pairs of
// units (test/fixtures/gold/alignment-val.json): a pair counts as aligned when one fact's support
// spans cover both units. The lead is scored by ROUGE-2 against the human roundup.
import { readFileSync } from 'node:fs';
import type { CompareOptions } from '../../src/compare/index.ts';
import { cleanDocument } from '../../src/clean/index.ts';
import { briefDocuments } from '../../src/pipeline/run.ts';
import type { Brief, CleanDocument, Span } from '../../src/schema.ts';
import { sentencesIn } from '../../src/text/sentences.ts';
import type { AllsidesEvent } from './allsides.ts';

export interface GoldUnit {
  report: number;
  unit: 'title' | 'sentence';
  start: number;
  end: number;
}

export interface GoldPair {
  line: number;
  a: GoldUnit;
  b: GoldUnit;
  same: boolean;
  hard: boolean;
  why?: string;
}

export const ALIGNMENT_GOLD = new URL('../fixtures/gold/alignment-val.json', import.meta.url);

export function loadAlignmentGold(): GoldPair[] {
  return (JSON.parse(readFileSync(ALIGNMENT_GOLD, 'utf8')) as { pairs: GoldPair[] }).pairs;
}

/** The text file a user would make of one outlet's version: headline, blank line, body. */
export function reportText(report: { title: string; article: string }): string {
  return `${report.title}\n\n${report.article}\n`;
}

export interface BriefedEvent {
  event: AllsidesEvent;
  brief: Brief;
  /** Document id of each report, in report order. */
  docs: string[];
}

/** Each outlet's version as the cleaned text file a user would hand to `brief`. */
export function eventDocuments(event: AllsidesEvent): CleanDocument[] {
  return event.reports.map((r, i) => cleanDocument({ source: `event-${event.line}/report-${i + 1}.txt`, format: 'text', content: reportText(r), hints: {} }));
}

export function briefEvent(event: AllsidesEvent, options: CompareOptions = {}): BriefedEvent {
  const documents = eventDocuments(event);
  const brief = briefDocuments(documents, undefined, [], options);
  return { event, brief, docs: documents.map((d) => d.id) };
}

/** A gold unit as a span of the report's text file. */
export function unitSpan(event: AllsidesEvent, docs: string[], unit: GoldUnit): Span {
  const offset = unit.unit === 'title' ? 0 : event.reports[unit.report]!.title.length + 2;
  return { doc: docs[unit.report]!, start: offset + unit.start, end: offset + unit.end };
}

/** A support span covers a unit when they share at least half of the shorter of the two. */
export function covers(support: Span, unit: Span): boolean {
  if (support.doc !== unit.doc) return false;
  const shared = Math.min(support.end, unit.end) - Math.max(support.start, unit.start);
  return shared > 0 && shared >= 0.5 * Math.min(support.end - support.start, unit.end - unit.start);
}

export function alignedInBrief(briefed: BriefedEvent, pair: GoldPair): boolean {
  const a = unitSpan(briefed.event, briefed.docs, pair.a);
  const b = unitSpan(briefed.event, briefed.docs, pair.b);
  return briefed.brief.facts.some((f) => f.support.some((s) => covers(s, a)) && f.support.some((s) => covers(s, b)));
}

export interface AlignmentScores {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  predicted: number;
  gold: number;
  /** Recall per unit-kind combination ("title/sentence"…). */
  recallByKind: Record<string, { found: number; of: number }>;
  /** Hard negatives aligned (false alarms that share names or topic). */
  hardFalsePositives: number;
}

export function scoreAlignment(pairs: GoldPair[], briefed: Map<number, BriefedEvent>): AlignmentScores {
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  let hardFalsePositives = 0;
  const recallByKind: AlignmentScores['recallByKind'] = {};
  for (const pair of pairs) {
    const aligned = alignedInBrief(briefed.get(pair.line)!, pair);
    const kind = [pair.a.unit, pair.b.unit].sort().join('/');
    if (aligned) predicted++;
    if (pair.same) {
      gold++;
      const k = (recallByKind[kind] ??= { found: 0, of: 0 });
      k.of++;
      if (aligned) {
        tp++;
        k.found++;
      }
    } else if (aligned && pair.hard) hardFalsePositives++;
  }
  const precision = predicted ? tp / predicted : 1;
  const recall = gold ? tp / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, truePositives: tp, predicted, gold, recallByKind, hardFalsePositives };
}

/** Lower-cased word tokens, as ROUGE reads them. */
function rougeTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** ROUGE-2 F1: bigram overlap between a candidate and a reference. */
export function rouge2(candidate: string, reference: string): number {
  const bigrams = (tokens: string[]) => {
    const out = new Map<string, number>();
    for (let i = 0; i + 1 < tokens.length; i++) {
      const key = `${tokens[i]} ${tokens[i + 1]}`;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
    return out;
  };
  const c = bigrams(rougeTokens(candidate));
  const r = bigrams(rougeTokens(reference));
  let overlap = 0;
  for (const [key, n] of c) overlap += Math.min(n, r.get(key) ?? 0);
  const cTotal = [...c.values()].reduce((s, n) => s + n, 0);
  const rTotal = [...r.values()].reduce((s, n) => s + n, 0);
  if (!overlap) return 0;
  const p = overlap / cTotal;
  const rec = overlap / rTotal;
  return (2 * p * rec) / (p + rec);
}

/** The first sentence of each report's opening, concatenated: the baseline a lead must match. */
export function firstSentencesBaseline(event: AllsidesEvent): string {
  return event.reports
    .map((r) => {
      const first = sentencesIn(r.article, 0, r.article.length)[0];
      return first ? r.article.slice(first.start, first.end) : '';
    })
    .join(' ');
}

/** The brief's lead as one text. */
export function leadText(brief: Brief): string {
  return brief.brief.lead.map((s) => s.text).join(' ');
}
