// The reader's brief: lead, key points, single-source points, timeline and coverage, arranged
// from cited facts. It never writes a statement of its own: every text is a source's sentence,
// cited with every passage that supports it.
import { headlines } from '../analyse/analyse-document.ts';
import type { Brief, Fact, Point, Synthesis } from '../schema.ts';
import { renderMarkdown } from './markdown.ts';
import { outletLabel } from '../clean/outlet-label.ts';
import { firstStartingAt } from '../text/ranges.ts';
import { MONTHS } from './title.ts';

type Unsynthesized = Omit<Brief, 'brief'>;
type Dated = NonNullable<Fact['when']> & { date: string };

/** A day, or a span of at most a month ("in February", "earlier this month"): a year is too vague to order events by. */
function isDay(date: string | null): date is string {
  if (!date) return false;
  const [from, to] = date.split('/');
  if (!to) return true;
  return (Date.parse(to) - Date.parse(from!)) / 86_400_000 <= 31;
}

const MAX_POINTS = 12;
const MAX_ONLY_ONE = 10;
const LEAD_SENTENCES = 3;
/** The lead tells what happened in the reporters' words; quotations go to the quote sheet. */
const LEAD_MAX_QUOTED = 0.3;
/** Another outlet's telling of a lead fact is worth a lead sentence when this share of its words is new. */
const MIN_RETELLING_NOVELTY = 0.4;
/** A point repeating this share of an earlier point's words adds nothing. */
const REDUNDANT_OVERLAP = 0.6;
const MIN_POINT_WORDS = 8;
/** Sentences that lean on what came before them ("But…", "He said…", "Here he is…") read badly out of context: not in the lead. */
const DEPENDENT_OPENING = /^(?:and|but|yet|still|so|thus|also|however|meanwhile|instead|then|here|he|she|it|they|this|that|these|those|his|her|its|their)\b/i;
/** …or that compare with something said before ("Xi made similar remarks…"). */
const BACK_REFERENCE = /\b(?:similar|similarly|likewise|again|the same)\b/i;

export function synthesize(brief: Unsynthesized): Synthesis {
  const outlets = [...new Set(brief.documents.map(outletLabel))];
  const ranked = [...brief.facts].filter((f) => words(f.statement.text).length >= MIN_POINT_WORDS && !isMostlyQuote(f));
  ranked.sort((a, b) => rank(b) - rank(a));

  const disputes = disputesByFact(brief);
  const points = pick(
    ranked.filter((f) => !f.singleSource),
    MAX_POINTS,
  ).map((f, i) => toPoint(f, `point-${i + 1}`, disputes));
  const onlyOne = pick(
    ranked.filter((f) => f.singleSource),
    MAX_ONLY_ONE,
  ).map((f, i) => toPoint(f, `only-${i + 1}`, disputes));
  const headline = headlineTest(brief.documents);
  const originals = new Map(brief.documents.map((d) => [d.id, d.original]));
  // A clause cut from its sentence (", while …") or one leaning on what came before reads badly alone.
  const unfit = (span: Fact['support'][number]) => {
    const text = originals.get(span.doc)!.slice(span.start, span.end);
    return headline(span) || DEPENDENT_OPENING.test(text) || !/^["'“‘(]?[\p{Lu}\p{N}]/u.test(text);
  };
  // A fact leads when one of its sentences can (a headline's fact through an article's sentence).
  const leadable = ranked.filter((f) => f.support.some((s) => !unfit(s)) && !BACK_REFERENCE.test(f.statement.text) && quotedShare(f.statement.text) <= LEAD_MAX_QUOTED);
  // The lead: the corroborated facts first, those the articles open with weighing more (news puts
  // its core first); when fewer than three, the most central single-source sentences, one an
  // outlet first, each marked as its outlet's alone. A fact is told in the words of the outlet
  // that opens with it.
  const opening = openingWeight(brief.documents);
  const byScore = (facts: Fact[], score: (f: Fact) => number) =>
    facts
      .map((f) => ({ f, score: score(f) }))
      .sort((a, b) => b.score - a.score)
      .map(({ f }) => f);
  const leadFacts = pick(
    byScore(
      leadable.filter((f) => !f.singleSource),
      (f) => rank(f) + LEAD_OPENING_WEIGHT * Math.max(...f.support.map(opening)),
    ),
    LEAD_SENTENCES,
  );
  // The sentence shown first among the citations, so its chip opens the passage quoted.
  type LeadItem = Synthesis['lead'][number] & { fact: Fact };
  const toLead = (f: Fact): LeadItem => {
    const shown = openingSupport(f, opening, unfit);
    const text = shown === f.statement.citations[0] ? f.statement.text : originals.get(shown.doc)!.slice(shown.start, shown.end);
    return { fact: f, text, citations: representativeFirst(f, shown), outlets: f.outlets, sources: f.sources };
  };
  const lead = leadFacts.map(toLead);
  const outletOfDoc = new Map(brief.documents.map((d) => [d.id, outletLabel(d)]));
  const shownWords = lead.map((l) => wordSet(l.text));
  const shownOutlets = new Set(lead.map((l) => outletOfDoc.get(l.citations[0]!.doc)));
  const repeats = (text: string) => shownWords.some((c) => overlap(wordSet(text), c) >= REDUNDANT_OVERLAP);
  // Room left: another outlet's telling of a lead fact, when it adds what the lead does not say yet
  // ("… and some 3,000 residents were told to leave"), nearest its article's opening first. It
  // follows the fact it retells and is cited to its own outlet alone: what it adds is that outlet's.
  const retellings = lead.flatMap((l) => l.fact.support.filter((s) => !unfit(s) && !shownOutlets.has(outletOfDoc.get(s.doc))).map((s) => ({ l, s }))).sort((a, b) => opening(b.s) - opening(a.s));
  for (const { l, s } of retellings) {
    if (lead.length >= LEAD_SENTENCES) break;
    const text = originals.get(s.doc)!.slice(s.start, s.end);
    if (shownOutlets.has(outletOfDoc.get(s.doc)) || quotedShare(text) > LEAD_MAX_QUOTED || novelty(wordSet(text), shownWords) < MIN_RETELLING_NOVELTY) continue;
    const at = lead.indexOf(l) + 1 + lead.slice(lead.indexOf(l) + 1).filter((x) => x.fact === l.fact).length;
    lead.splice(at, 0, { fact: l.fact, text, citations: [s], outlets: [outletOfDoc.get(s.doc)!], sources: 1 });
    shownWords.push(wordSet(text));
    shownOutlets.add(outletOfDoc.get(s.doc));
  }
  // Still room: the most central single-source sentences, an outlet not yet in the lead first.
  const taken = new Set([...leadFacts.flatMap((f) => f.outlets), ...shownOutlets]);
  const byCentrality = byScore(
    leadable.filter((f) => f.singleSource),
    (f) => f.centrality + LEAD_OPENING_WEIGHT * opening(f.statement.citations[0]!),
  );
  for (const anyOutlet of [false, true]) {
    for (const f of byCentrality) {
      if (lead.length >= LEAD_SENTENCES) break;
      if (lead.some((l) => l.fact === f) || (!anyOutlet && outlets.length > 1 && f.outlets.some((o) => taken.has(o)))) continue;
      const item = toLead(f);
      if (repeats(item.text)) continue;
      lead.push(item);
      shownWords.push(wordSet(item.text));
      for (const o of f.outlets) taken.add(o);
    }
  }
  const note =
    brief.documents.length === 0
      ? 'No report could be used: there is nothing to brief (see the inputs not used).'
      : brief.documents.length === 1
        ? 'One report only: there is nothing to corroborate. The lead is its most central sentences.'
        : !brief.facts.some((f) => !f.singleSource)
          ? "No fact is reported by two independent sources: each lead sentence is one outlet's alone."
          : null;

  // Dated events worth a line: corroborated facts, and single-source facts the brief shows.
  const shown = new Set([...points, ...onlyOne].map((p) => p.fact));
  const timeline = brief.facts
    .filter((f): f is Fact & { when: Dated } => f.when !== null && isDay(f.when.date) && (!f.singleSource || shown.has(f.id)))
    .sort((a, b) => a.when.date.localeCompare(b.when.date) || rank(b) - rank(a))
    .map((f) => ({ when: humanDate(f.when.date), date: f.when.date, text: f.statement.text, citations: [...f.support, f.when.span] }));

  const coverage: Record<string, string[]> = {};
  for (const p of [...points, ...onlyOne]) coverage[p.id] = p.outlets;
  const synthesis: Synthesis = { lead: lead.map(({ fact: _, ...item }) => item), note, points, onlyOne, timeline, outlets, coverage, markdown: '' };
  synthesis.markdown = renderMarkdown({ ...brief, brief: synthesis });
  return synthesis;
}

/** Corroboration and centrality together: each further independent source counts, with diminishing weight. */
function rank(f: Fact): number {
  return f.centrality * Math.log2(1 + f.sources);
}

function toPoint(f: Fact, id: string, disputes: Map<string, string[]>): Point {
  return { id, fact: f.id, text: f.statement.text, citations: representativeFirst(f), outlets: f.outlets, sources: f.sources, disputed: disputes.get(f.id) ?? [] };
}

/** Per fact, the value disagreements (contradictions and updates) read from its sentences. */
function disputesByFact(brief: Unsynthesized): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const inside = (a: Fact['support'][number], b: Fact['support'][number]) => a.doc === b.doc && a.start < b.end && b.start < a.end;
  for (const d of brief.disagreements) {
    if (d.severity !== 'contradiction' && d.severity !== 'update') continue;
    const spans = d.variants.flatMap((v) => v.support);
    for (const f of brief.facts) {
      if (f.support.some((s) => spans.some((v) => inside(s, v)))) out.set(f.id, [...(out.get(f.id) ?? []), d.id]);
    }
  }
  return out;
}

/**
 * The fact's supporting sentence that stands nearest an article's opening (headlines, clauses and
 * sentences leaning on what came before aside), or its statement's when none opens more: what the
 * lead quotes.
 */
function openingSupport(f: Fact, opening: (span: Fact['support'][number]) => number, unfit: (span: Fact['support'][number]) => boolean): Fact['support'][number] {
  let best = f.statement.citations[0]!;
  let bestWeight = unfit(best) ? -1 : opening(best);
  for (const s of f.support) {
    const w = opening(s);
    if (w > bestWeight && !unfit(s)) {
      best = s;
      bestWeight = w;
    }
  }
  return best;
}

/** A fact's support with the passage shown first (by default the one its statement quotes). */
function representativeFirst(f: Fact, shown: Fact['support'][number] = f.statement.citations[0]!): Fact['support'] {
  const same = (s: Fact['support'][number]) => s.doc === shown.doc && s.start === shown.start && s.end === shown.end;
  return [shown, ...f.support.filter((s) => !same(s))];
}

/** How much the opening sentence of an article counts for the lead beside its centrality. */
const LEAD_OPENING_WEIGHT = 0.5;

/** 1 for an article's first body sentence, halving with each sentence after it. */
function openingWeight(documents: Unsynthesized['documents']): (span: Fact['support'][number]) => number {
  const byId = new Map(documents.map((d) => [d.id, d]));
  // Per document, once: its body sentences in order (a fact of a long report has thousands of spans).
  const bodySentences = new Map<string, { start: number }[]>();
  const sentencesOf = (id: string) => {
    let list = bodySentences.get(id);
    if (!list) {
      const doc = byId.get(id)!;
      const body = [...doc.body].sort((a, b) => a.start - b.start);
      let k = 0;
      list = [...doc.sentences]
        .sort((a, b) => a.start - b.start)
        .filter((s) => {
          while (k < body.length && body[k]!.end < s.end) k++;
          return k < body.length && s.start >= body[k]!.start && s.end <= body[k]!.end;
        });
      bodySentences.set(id, list);
    }
    return list;
  };
  return (span) => {
    if (!byId.has(span.doc)) return 0;
    return 0.5 ** firstStartingAt(sentencesOf(span.doc), span.start);
  };
}

/** Whether a span lies in a headline or standfirst the cleaner lifted into metadata. */
function headlineTest(documents: Unsynthesized['documents']): (span: Fact['support'][number]) => boolean {
  const headsOf = new Map(documents.map((d) => [d.id, headlines(d)]));
  return (span) => (headsOf.get(span.doc) ?? []).some((h) => h.start <= span.start && span.end <= h.end);
}

/** The first `limit` facts in rank order, skipping any that repeats one already picked. */
function pick(facts: Fact[], limit: number): Fact[] {
  const chosen: Fact[] = [];
  const chosenWords: Set<string>[] = [];
  for (const f of facts) {
    if (chosen.length >= limit) break;
    const w = wordSet(f.statement.text);
    if (chosenWords.some((c) => overlap(w, c) >= REDUNDANT_OVERLAP)) continue;
    chosen.push(f);
    chosenWords.push(w);
  }
  return chosen;
}

/** Share of a sentence's characters between double quotation marks (straight or curly). */
export function quotedShare(text: string): number {
  // What /[“"]([^”"]*)[”"]/g finds, in one pass: that regex rescans to the end from every
  // opening mark that is never closed (quadratic on a page of them).
  let inside = 0;
  const opening = /[“"]/g;
  const closing = /[”"]/g;
  for (let open = opening.exec(text); open; open = opening.exec(text)) {
    closing.lastIndex = open.index + 1;
    const close = closing.exec(text);
    if (!close) break;
    inside += close.index - open.index - 1;
    opening.lastIndex = close.index + 1;
  }
  return text.length ? inside / text.length : 0;
}

/** A sentence that opens with a quotation belongs in the quote sheet, not among the points. */
function isMostlyQuote(f: Fact): boolean {
  return /^["“‘']/.test(f.statement.text.trim());
}

function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
}

/** Share of a sentence's words that no sentence in `shown` has. */
function novelty(w: Set<string>, shown: Set<string>[]): number {
  let fresh = 0;
  for (const x of w) if (!shown.some((c) => c.has(x))) fresh++;
  return fresh / Math.max(1, w.size);
}

function wordSet(text: string): Set<string> {
  return new Set(words(text).map((w) => w.toLowerCase()));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "2023-06-18" → "Sunday 18 June 2023"; a whole month or year as such; other ranges as "from … to …". */
export function humanDate(date: string): string {
  const [from, to] = date.split('/');
  const day = (iso: string) => {
    const d = new Date(`${iso}T00:00:00Z`);
    return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  };
  if (!to || to === from) return day(from!);
  const [fy, fm, fd] = from!.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const lastOfMonth = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  if (fd === 1 && td === lastOfMonth && fy === ty && fm === tm) return `${MONTHS[fm - 1]} ${fy}`;
  if (fd === 1 && fm === 1 && tm === 12 && td === 31 && fy === ty) return `${fy}`;
  return `${day(from!)} – ${day(to)}`;
}
