// Page-chrome removal for plain text, as a cascade of passes over the lines of a report.
// Each pass may only mark lines the earlier passes left undecided, and every mark records its
// kind and the evidence, so the UI can show why something was dropped.
//   1. line cues       — interface vocabulary weighed against the line's shape
//   2. repeats         — a repeated caption or paragraph
//   3. teaser runs     — "More in …" lists: headline + summary pairs far from the article's topic
//   4. head            — player, section label, title, dek, byline, captions before the article
//   5. tail            — bios, credits, notes after the last article paragraph
//   6. glued credits   — a copyright sentence stuck to the end of an article line
import type { RemovedKind } from '../schema.ts';
import type { Line } from '../text/lines.ts';
import {
  BIO_FOLLOWUP,
  BIO_SENTENCE,
  BOILERPLATE_LINE,
  BYLINE_LINE,
  CONTRIBUTOR_LINE,
  CREDIT_SENTENCE,
  DATELINE,
  FULL_DATE,
  HANDLE,
  PHOTO_CREDIT,
  PLAYER_CUE,
  SHARE_VERB,
  SOCIAL_PLATFORM,
  TEASER_HEADER,
  TIME_CODE,
  UPDATE_NOTE,
} from './cues.ts';
import { lineFeatures, type LineFeatures } from './line-features.ts';
import { centrality, termVector } from './topic.ts';
import { MIN_TURNS_FOR_TRANSCRIPT } from './transcript.ts';

/** Named thresholds, one place. */
export const THRESHOLDS = {
  /** Widget lines (players, share bars) are short; a longer line needs prose-free shape too. */
  maxWidgetWords: 15,
  maxCaptionWords: 70,
  maxNoteWords: 16,
  maxCreditWords: 30,
  /** A teaser summary whose topical similarity to the article is below this is off-topic. */
  teaserMaxCentrality: 0.2,
  /** A prose line this close to the article's topic ends a teaser run. */
  articleMinCentrality: 0.3,
  /** The article starts at the first prose line with at least this many words. */
  minLeadWords: 10,
  maxDekWords: 45,
  /** Bios and glued credits are looked for only in this last share of the lines. */
  tailShare: 0.25,
} as const;

export interface Verdict {
  kind: RemovedKind;
  reason: string;
  /** Set when only the end of the line is chrome (a glued credit): offsets in the line. */
  from?: number;
}

export interface LineAnalysis {
  line: Line;
  features: LineFeatures;
  verdict: Verdict | null;
  /** Role of a kept or metadata line. */
  role?: 'title' | 'dek' | 'byline' | 'dateline-lead' | 'section';
  /** Cosine similarity to the article's topic. */
  centrality: number;
}

export function classifyLines(lines: Line[]): LineAnalysis[] {
  const rows: LineAnalysis[] = lines.map((line) => ({ line, features: lineFeatures(line), verdict: null, centrality: 0 }));
  const isTranscript = rows.filter((r) => r.features.turn).length >= MIN_TURNS_FOR_TRANSCRIPT;
  markLineCues(rows, isTranscript);
  markRepeats(rows);
  scoreCentrality(rows);
  markTeaserRuns(rows);
  const bodyStart = markHead(rows);
  markTail(rows, bodyStart);
  markGluedCredits(rows);
  return rows;
}

const mark = (row: LineAnalysis, kind: RemovedKind, reason: string) => {
  row.verdict ??= { kind, reason };
};

// 1 ───────────────────────────────────────────────────────────────────────────────────────────
function markLineCues(rows: LineAnalysis[], isTranscript: boolean): void {
  for (const row of rows) {
    const { text } = row.line;
    const f = row.features;
    if (isTranscript && f.turn) continue; // a speaker's words are never chrome
    const widgetShaped = f.words <= THRESHOLDS.maxWidgetWords || !f.endsSentence;
    const platforms = text.match(SOCIAL_PLATFORM)?.length ?? 0;
    const timeCodes = text.match(TIME_CODE)?.length ?? 0;

    if (f.words <= 8 && PLAYER_CUE.test(text) && !f.prose) mark(row, 'player', 'media-player control or time code');
    else if (timeCodes > 0 && text.replace(TIME_CODE, '').trim().split(/\s+/).filter(Boolean).length <= 3)
      mark(row, 'player', 'time codes');
    else if (BOILERPLATE_LINE.test(text) && f.words <= 6) mark(row, 'boilerplate', 'interface label');
    else if (TEASER_HEADER.test(text) && f.words <= 8 && !f.endsSentence) mark(row, 'teaser', 'header of a list of other stories');
    else if (widgetShaped && platforms >= 2) mark(row, 'share', 'list of social platforms');
    else if (widgetShaped && SHARE_VERB.test(text) && (platforms >= 1 || HANDLE.test(text)))
      mark(row, 'share', 'share / follow prompt naming a platform or handle');
    else if (f.words <= 4 && SHARE_VERB.test(text) && !f.endsSentence) mark(row, 'share', 'share button label');
    else if (UPDATE_NOTE.test(text) && f.words <= THRESHOLDS.maxNoteWords) mark(row, 'boilerplate', 'update or correction note');
    else if (CONTRIBUTOR_LINE.test(text) && f.words <= THRESHOLDS.maxCreditWords) mark(row, 'credit', 'contributor line');
    else if (CREDIT_SENTENCE.test(text) && text.replace(CREDIT_SENTENCE, '').trim().length === 0)
      mark(row, 'credit', 'copyright or transcript credit');
    else if (PHOTO_CREDIT.test(text) && f.words <= THRESHOLDS.maxCaptionWords && !f.turn)
      mark(row, 'caption', 'photo caption with an image credit');
  }
}

// 2 ───────────────────────────────────────────────────────────────────────────────────────────
function markRepeats(rows: LineAnalysis[]): void {
  const firstSeen = new Map<string, LineAnalysis>();
  for (const row of rows) {
    if (row.features.words < 3) continue; // short labels repeat legitimately ("KELLY:" lines differ anyway)
    const first = firstSeen.get(row.features.key);
    if (!first) {
      firstSeen.set(row.features.key, row);
      continue;
    }
    if (first.verdict?.kind === 'caption') mark(row, 'caption', 'repeat of a photo caption');
    else mark(row, 'duplicate', `repeat of line ${first.line.index + 1}`);
    // A line printed twice in a row before the article starts is an image caption in both copies.
    if (!first.verdict && row.line.index - first.line.index <= 2 && !first.features.turn) {
      row.verdict = { kind: 'caption', reason: 'caption printed twice' };
      first.verdict = { kind: 'caption', reason: 'caption printed twice' };
    }
  }
}

// Topic ────────────────────────────────────────────────────────────────────────────────────────
function scoreCentrality(rows: LineAnalysis[]): void {
  const vectors = rows.map((r) => termVector(r.features.turn ? r.line.text.slice(r.features.turn.labelLength) : r.line.text));
  const reference = rows.map((r) => !r.verdict && (r.features.prose || !!r.features.turn) && r.features.words >= 8);
  const scores = centrality(vectors, reference);
  rows.forEach((r, i) => (r.centrality = scores[i] ?? 0));
}

// 3 ───────────────────────────────────────────────────────────────────────────────────────────
/** From a teaser header, following lines belong to the list until the article's topic returns. */
function markTeaserRuns(rows: LineAnalysis[]): void {
  for (let i = 0; i < rows.length; i++) {
    const header = rows[i]!;
    if (header.verdict?.kind !== 'teaser') continue;
    let previousWasHeadline = true;
    for (let j = i + 1; j < rows.length; j++) {
      const row = rows[j]!;
      if (row.verdict) {
        previousWasHeadline = false;
        continue;
      }
      const f = row.features;
      if (f.turn) break;
      const offTopic = row.centrality < THRESHOLDS.teaserMaxCentrality;
      const backOnTopic = f.prose && row.centrality >= THRESHOLDS.articleMinCentrality && !previousWasHeadline;
      if (backOnTopic) break;
      if (f.headline || offTopic || previousWasHeadline) {
        mark(row, 'teaser', f.headline ? 'headline in a list of other stories' : 'summary of another story');
        previousWasHeadline = f.headline;
      } else break;
    }
  }
  markHeaderlessTeasers(rows);
}

/** Teaser lists without a header: at the end, pairs of headline + off-topic summary. */
function markHeaderlessTeasers(rows: LineAnalysis[]): void {
  const run: LineAnalysis[] = [];
  let headlines = 0;
  for (let j = rows.length - 1; j >= 0; j--) {
    const row = rows[j]!;
    if (row.verdict) continue;
    const offTopic = row.centrality < THRESHOLDS.teaserMaxCentrality;
    if (!offTopic || row.features.turn) break;
    run.push(row);
    if (row.features.headline && !row.features.endsSentence) headlines++;
  }
  if (headlines >= 2 && run.length >= 3) for (const row of run) mark(row, 'teaser', 'trailing list of off-topic stories');
}

// 4 ───────────────────────────────────────────────────────────────────────────────────────────
/**
 * Lines before the article's first paragraph are title, dek, byline, captions or widgets.
 * Returns the index of the first article line.
 */
function markHead(rows: LineAnalysis[]): number {
  let start = rows.findIndex((r) => !r.verdict && (r.features.turn || (r.features.prose && r.features.words >= THRESHOLDS.minLeadWords)));
  // A dateline marks where the story proper begins; prose above it is a dek or a caption.
  const datelineAt = rows.findIndex((r, i) => i < Math.max(start, 0) + 4 && !r.verdict && DATELINE.test(r.line.text) && r.features.prose);
  if (datelineAt >= 0) {
    start = datelineAt;
    rows[datelineAt]!.role = 'dateline-lead';
  }
  if (start < 0) return rows.length;

  let titleSeen = false;
  for (let i = 0; i < start; i++) {
    const row = rows[i]!;
    if (row.verdict) continue;
    const f = row.features;
    const text = row.line.text;
    if (BYLINE_LINE.test(text)) {
      row.role = 'byline';
      mark(row, 'metadata', 'byline');
    } else if (!titleSeen && f.headline && f.words <= 3 && rows.slice(i + 1, start).some((r) => !r.verdict && r.features.headline && r.features.words > 3)) {
      row.role = 'section';
      mark(row, 'boilerplate', 'section label above the title');
    } else if (!titleSeen && (f.headline || (!f.endsSentence && f.words <= 30))) {
      titleSeen = true;
      row.role = 'title';
      mark(row, 'metadata', 'title');
    } else if (FULL_DATE.test(text) && /\d{4}\.?$/.test(text) && f.words <= THRESHOLDS.maxCaptionWords) {
      mark(row, 'caption', 'photo caption (a scene ending with its date)');
    } else if (titleSeen && f.endsSentence && f.words <= THRESHOLDS.maxDekWords && !rows.slice(0, i).some((r) => r.role === 'dek')) {
      row.role = 'dek';
      mark(row, 'metadata', 'standfirst under the title');
    } else if (!f.prose) {
      mark(row, 'boilerplate', 'short line before the article starts');
    }
  }
  // The first paragraph after the title is the dek only when chrome separates it from the story.
  markDekBeforeChrome(rows, start);
  return start;
}

function markDekBeforeChrome(rows: LineAnalysis[], start: number): void {
  const titleAt = rows.findIndex((r) => r.role === 'title');
  if (titleAt < 0 || titleAt >= start || rows.some((r) => r.role === 'dek')) return;
  const candidate = rows[start];
  const next = rows[start + 1];
  if (!candidate || !next || candidate.features.turn) return;
  const onlyChromeBetween = rows.slice(titleAt + 1, start).every((r) => r.verdict);
  const chromeAfter = next.verdict && ['caption', 'metadata', 'share', 'player'].includes(next.verdict.kind);
  if (onlyChromeBetween && chromeAfter && candidate.features.words <= THRESHOLDS.maxDekWords) {
    candidate.role = 'dek';
    mark(candidate, 'metadata', 'standfirst under the title, set apart by a caption or byline');
  }
}

// 5 ───────────────────────────────────────────────────────────────────────────────────────────
/** After the article's last paragraph: bios, contributor and copyright lines, short furniture. */
function markTail(rows: LineAnalysis[], bodyStart: number): void {
  const tailFrom = Math.floor(rows.length * (1 - THRESHOLDS.tailShare));
  for (let i = Math.max(tailFrom, bodyStart + 1); i < rows.length; i++) {
    const row = rows[i]!;
    if (row.verdict || row.features.turn) continue;
    const laterArticle = rows.slice(i + 1).some((r) => !r.verdict && (r.features.turn || (r.features.prose && r.centrality >= THRESHOLDS.articleMinCentrality)));
    if (laterArticle) continue;
    if (BIO_SENTENCE.test(row.line.text) || BIO_FOLLOWUP.test(row.line.text)) mark(row, 'bio', 'biography of the journalist');
  }
  // Short non-prose lines after the last article paragraph are furniture.
  let last = rows.length - 1;
  while (last >= 0 && rows[last]!.verdict) last--;
  for (let i = rows.length - 1; i > bodyStart; i--) {
    const row = rows[i]!;
    if (row.verdict) continue;
    if (row.features.prose || row.features.turn || row.features.words > THRESHOLDS.maxWidgetWords) break;
    mark(row, 'boilerplate', 'short line after the article ends');
  }
}

// 6 ───────────────────────────────────────────────────────────────────────────────────────────
function markGluedCredits(rows: LineAnalysis[]): void {
  for (const row of rows) {
    if (row.verdict) continue;
    const match = CREDIT_SENTENCE.exec(row.line.text);
    if (!match || match.index === 0) continue;
    const before = row.line.text.slice(0, match.index);
    if (!/[.!?"”’]\s*$/.test(before) && !/[.!?"”’]$/.test(before.trimEnd())) continue;
    const from = match.index + (match[0].length - match[0].trimStart().length);
    row.verdict = { kind: 'credit', reason: 'copyright credit glued to the end of a line', from };
  }
}
