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
  APP_PROMPT,
  BYLINE_LINE,
  CONTRIBUTOR_LINE,
  COOKIE_NOTICE,
  DATE_STAMP,
  EDITION_NOTE,
  CREDIT_SENTENCE,
  CREDIT_WORDS,
  DATELINE,
  FULL_DATE,
  HANDLE,
  PHOTO_CREDIT,
  PLAYER_CUE,
  SHARE_VERB,
  SOCIAL_PLATFORM,
  STAGE_DIRECTION,
  SUBSCRIBE_PROMPT,
  TEASER_HEADER,
  TEASER_INLINE,
  TIME_CODE,
  UPDATE_NOTE,
} from './cues.ts';
import { lineFeatures, MAX_HEADLINE_WORDS, type LineFeatures } from './line-features.ts';
import { centrality, termVectors } from './topic.ts';
import { MIN_TURNS_FOR_TRANSCRIPT } from './transcript.ts';

/** Named thresholds, one place. */
export const THRESHOLDS = {
  /** Widget lines (players, share bars) are short; a longer line needs prose-free shape too. */
  maxWidgetWords: 15,
  maxCaptionWords: 70,
  maxNoteWords: 16,
  maxCreditWords: 30,
  /**
   * Topic thresholds are shares of the median centrality of the document's prose lines, since
   * absolute cosines shift with article length and vocabulary.
   */
  offTopicShare: 0.6,
  /** Cue regexes only run on lines up to this length: longer lines are never widgets. */
  maxCueLineLength: 2000,
  /** Bylines and date stamps are looked for in the first lines only. */
  headLines: 25,
  /** The article starts at the first prose line with at least this many words. */
  minLeadWords: 10,
  maxDekWords: 45,
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
  role?: 'title' | 'dek' | 'byline' | 'dateline-lead' | 'masthead' | 'date';
  /** Whether the line holds CREDIT_WORDS, once a pass has asked (the line cues, then the glued credits). */
  creditWords?: boolean;
}

export function classifyLines(lines: Line[]): LineAnalysis[] {
  const rows: LineAnalysis[] = lines.map((line) => ({ line, features: lineFeatures(line), verdict: null }));
  markLineCues(rows, isTranscript(rows));
  markHeadStamps(rows);
  markRepeats(rows);
  markTeaserRuns(rows, new TopicScores(rows));
  const bodyStart = markHead(rows);
  markTail(rows, bodyStart);
  markGluedCredits(rows);
  return rows;
}

/** A transcript has several "NAME:" lines; one alone is more likely a label or a dateline. */
export function isTranscript(rows: LineAnalysis[]): boolean {
  return rows.filter((r) => r.features.turn).length >= MIN_TURNS_FOR_TRANSCRIPT;
}

const mark = (row: LineAnalysis, kind: RemovedKind, reason: string) => {
  row.verdict ??= { kind, reason };
};

// Cheap tests that say a cue's regex cannot match, so most lines of prose skip it: each is a word
// every match of that regex contains, looked for in the line's lower-cased key (a regex match of
// ASCII letters and single spaces in the line is always found there; a key may hold one the regex
// would not match, and then the regex decides).

const PHOTO_CREDIT_WORDS = /photo|image|picture|foto|video|getty|afp|reuters|epa|shutterstock|xinhua|anadolu|imago|credit|courtesy|file/;

/** Per cue regex, a test of the line's key that every line the regex matches passes (test/clean-scanners.test.ts checks it). */
export const CUE_GATES = {
  cookie: (key: string) => key.includes('cookie'),
  /** Every match has "sign up", "subscribe", "click here" or "newsletter". */
  subscribe: (key: string) => key.includes('subscribe') || key.includes('sign up') || key.includes('newsletter') || key.includes('click here'),
  app: (key: string) => key.includes('app'),
  /** Every match has "contributed", "by", "from", "written", "produced" or "reported". */
  contributor: (key: string) => key.includes('by') || key.includes('contributed') || key.includes('from') || key.includes('written') || key.includes('produced') || key.includes('reported'),
  photoCredit: (key: string) => PHOTO_CREDIT_WORDS.test(key),
};

// 1 ───────────────────────────────────────────────────────────────────────────────────────────
/** What a line-cue rule reads of a line: its text, features and key, and what earlier rules worked out. */
interface CueLine {
  row: LineAnalysis;
  text: string;
  f: LineFeatures;
  key: string;
  /** Short, or not a sentence: shaped like a widget (WIDGET_WORDS). */
  widgetShaped: boolean;
  /** Social platforms named in a widget-shaped line. */
  platforms: number;
}

interface CueRule {
  name: string;
  kind: RemovedKind;
  reason: string;
  /** The role the line plays when the rule marks it. */
  role?: LineAnalysis['role'];
  test(l: CueLine): boolean;
}

/** The most words a line may have for each cue to count; past these the line is prose that merely shares a word. */
export const CUE_WORDS = {
  player: 8,
  /** Non-time-code words beside time codes. */
  timeCodeLabels: 3,
  interfaceLabel: 6,
  teaserHeader: 8,
  teaserInline: 25,
  cookie: 80,
  subscribe: 40,
  app: 30,
  editionNote: 40,
  shareLabel: 4,
  byline: 14,
} as const;

/**
 * The line cues, in order: the first whose test holds marks the line. The cheap tests go first in
 * each: a cue's regex runs only on a line short enough for it to count.
 */
const CUE_RULES: CueRule[] = [
  { name: 'player', kind: 'player', reason: 'media-player control or time code', test: ({ f, text }) => f.words <= CUE_WORDS.player && PLAYER_CUE.test(text) && !f.prose },
  {
    name: 'time-codes',
    kind: 'player',
    reason: 'time codes',
    test: ({ text }) => text.includes(':') && text.search(TIME_CODE) >= 0 && text.replace(TIME_CODE, '').trim().split(/\s+/).filter(Boolean).length <= CUE_WORDS.timeCodeLabels,
  },
  // "💬 23 Comments" → "23 Comments"
  {
    name: 'interface-label',
    kind: 'boilerplate',
    reason: 'interface label',
    test: ({ f, text }) => f.words <= CUE_WORDS.interfaceLabel && BOILERPLATE_LINE.test(text.replace(/^[^\p{L}\p{N}]+/u, '')),
  },
  { name: 'punctuation', kind: 'boilerplate', reason: 'punctuation only', test: ({ text }) => !/[\p{L}\p{N}]/u.test(text) },
  { name: 'stage-direction', kind: 'boilerplate', reason: 'transcript stage direction', test: ({ text }) => STAGE_DIRECTION.test(text) },
  { name: 'teaser-header', kind: 'teaser', reason: 'header of a list of other stories', test: ({ f, text }) => f.words <= CUE_WORDS.teaserHeader && !f.endsSentence && TEASER_HEADER.test(text) },
  { name: 'teaser-inline', kind: 'teaser', reason: 'link to another story', test: ({ f, text }) => f.words <= CUE_WORDS.teaserInline && !f.turn && TEASER_INLINE.test(text) },
  { name: 'cookie', kind: 'boilerplate', reason: 'cookie notice', test: ({ f, key, text }) => f.words <= CUE_WORDS.cookie && CUE_GATES.cookie(key) && COOKIE_NOTICE.test(text) },
  {
    name: 'subscribe',
    kind: 'boilerplate',
    reason: 'newsletter or subscription prompt',
    test: ({ f, key, text }) => f.words <= CUE_WORDS.subscribe && CUE_GATES.subscribe(key) && SUBSCRIBE_PROMPT.test(text),
  },
  { name: 'app', kind: 'boilerplate', reason: 'app download prompt', test: ({ f, key, text }) => f.words <= CUE_WORDS.app && CUE_GATES.app(key) && APP_PROMPT.test(text) },
  { name: 'edition-note', kind: 'boilerplate', reason: 'print edition note', test: ({ f, text }) => f.words <= CUE_WORDS.editionNote && EDITION_NOTE.test(text) },
  { name: 'platforms', kind: 'share', reason: 'list of social platforms', test: ({ widgetShaped, platforms }) => widgetShaped && platforms >= 2 },
  {
    name: 'share-prompt',
    kind: 'share',
    reason: 'share / follow prompt naming a platform or handle',
    test: ({ widgetShaped, platforms, text }) => widgetShaped && SHARE_VERB.test(text) && (platforms >= 1 || HANDLE.test(text)),
  },
  { name: 'share-label', kind: 'share', reason: 'share button label', test: ({ f, text }) => f.words <= CUE_WORDS.shareLabel && SHARE_VERB.test(text) && !f.endsSentence },
  {
    name: 'byline',
    kind: 'metadata',
    reason: 'byline',
    role: 'byline',
    test: ({ f, row, text }) => f.words <= CUE_WORDS.byline && row.line.index < THRESHOLDS.headLines && BYLINE_LINE.test(text),
  },
  {
    name: 'update-note',
    kind: 'boilerplate',
    reason: 'update or correction note',
    test: ({ f, text }) => UPDATE_NOTE.test(text) && (f.words <= THRESHOLDS.maxNoteWords || /\bthis (?:story|article|report) (?:has been|was) (?:updated|corrected)/i.test(text)),
  },
  {
    name: 'contributor',
    kind: 'credit',
    reason: 'contributor line',
    test: ({ f, key, text }) => f.words <= THRESHOLDS.maxCreditWords && CUE_GATES.contributor(key) && CONTRIBUTOR_LINE.test(text),
  },
  {
    name: 'credit',
    kind: 'credit',
    reason: 'copyright or transcript credit',
    // Records whether the line holds credit words: the glued-credit pass (6) asks again.
    test: ({ row, text }) => (row.creditWords = CREDIT_WORDS.test(text)) && CREDIT_SENTENCE.test(text) && text.replace(CREDIT_SENTENCE, '').trim().length === 0,
  },
  {
    name: 'photo-credit',
    kind: 'caption',
    reason: 'photo caption with an image credit',
    test: ({ f, key, text }) => f.words <= THRESHOLDS.maxCaptionWords && !f.turn && CUE_GATES.photoCredit(key) && PHOTO_CREDIT.test(text),
  },
];

function markLineCues(rows: LineAnalysis[], transcript: boolean): void {
  for (const row of rows) {
    const { text } = row.line;
    const f = row.features;
    if (transcript && f.turn) continue; // a speaker's words are never chrome
    if (text.length > THRESHOLDS.maxCueLineLength) continue;
    const widgetShaped = f.words <= THRESHOLDS.maxWidgetWords || !f.endsSentence;
    const line: CueLine = { row, text, f, key: f.key, widgetShaped, platforms: widgetShaped ? (text.match(SOCIAL_PLATFORM)?.length ?? 0) : 0 };
    const rule = CUE_RULES.find((r) => r.test(line));
    if (!rule) continue;
    if (rule.role) row.role = rule.role;
    mark(row, rule.kind, rule.reason);
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

/** Date stamps near the top ("Published 4:52 PM …", "Oct 3, 2025") are metadata. */
function markHeadStamps(rows: LineAnalysis[]): void {
  for (const row of rows.slice(0, THRESHOLDS.headLines)) {
    if (row.features.prose && !/^(?:published|posted|updated)/i.test(row.line.text)) continue;
    if (row.features.words <= 26 && DATE_STAMP.test(row.line.text) && (!row.verdict || row.verdict.kind === 'boilerplate')) {
      row.verdict = { kind: 'metadata', reason: 'date stamp' };
      row.role = 'date';
    }
  }
}

// Topic ────────────────────────────────────────────────────────────────────────────────────────
/**
 * How close each line is to what the article is about (cosine to the other reference lines'
 * terms), and the median over the reference lines: the prose lines undecided when it is made.
 * Only a teaser list asks (most pages have none), so the terms are counted at the first question,
 * with the reference lines as they were when it was made: the same scores as counting at once.
 */
class TopicScores {
  private readonly reference: boolean[];
  private scores: number[] | null = null;
  private positions: Map<LineAnalysis, number> | null = null;
  private median = 0;

  constructor(private readonly rows: LineAnalysis[]) {
    this.reference = rows.map((r) => !r.verdict && (r.features.prose || !!r.features.turn) && r.features.words >= 8);
  }

  /** Far from the topic: under a share of the reference lines' median closeness. */
  offTopic(closeness: number): boolean {
    this.score();
    return closeness < this.median * THRESHOLDS.offTopicShare;
  }

  /** The line's cosine to the article's topic. */
  of(row: LineAnalysis): number {
    const scores = this.score();
    return scores[this.positions!.get(row)!] ?? 0;
  }

  private score(): number[] {
    if (this.scores) return this.scores;
    const { rows, reference } = this;
    this.positions = new Map(rows.map((row, i) => [row, i]));
    // A line's key is its text lower-cased (white space collapsed, which leaves its words as they are).
    const vectors = termVectors(rows.map((r) => (r.features.turn ? r.line.text.slice(r.features.turn.labelLength).toLowerCase() : r.features.key)));
    const scores = centrality(vectors, reference);
    const sorted = scores.filter((_, i) => reference[i]).sort((a, b) => a - b);
    this.median = sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
    return (this.scores = scores);
  }
}

// 3 ───────────────────────────────────────────────────────────────────────────────────────────
/**
 * From a teaser header, the list runs while lines alternate headline / summary. A summary is
 * a prose line after a teaser headline that is off-topic, or that another headline follows.
 */
function markTeaserRuns(rows: LineAnalysis[], topic: TopicScores): void {
  const offTopic = (row: LineAnalysis) => topic.offTopic(topic.of(row));
  for (let i = 0; i < rows.length; i++) {
    if (rows[i]!.verdict?.kind !== 'teaser' || rows[i]!.verdict?.reason.startsWith('header') !== true) continue;
    let afterHeadline = false;
    for (let j = i + 1; j < rows.length; j++) {
      const row = rows[j]!;
      if (row.verdict) continue;
      const f = row.features;
      if (f.turn) break;
      const next = nextUndecided(rows, j);
      if (BIO_SENTENCE.test(row.line.text) && !next) mark(row, 'bio', 'biography of the journalist');
      else if (f.headline && !f.prose) {
        mark(row, 'teaser', 'headline in a list of other stories');
        afterHeadline = true;
        continue;
      } else if (afterHeadline && f.prose && (offTopic(row) || !next || (next.features.headline && !next.features.prose))) mark(row, 'teaser', 'summary of another story');
      else break;
      afterHeadline = false;
    }
  }
  markHeaderlessTeasers(rows, topic);
}

function nextUndecided(rows: LineAnalysis[], j: number): LineAnalysis | undefined {
  for (let k = j + 1; k < rows.length; k++) if (!rows[k]!.verdict) return rows[k];
  return undefined;
}

/** Teaser lists without a header, at the end: two or more headline + off-topic summary pairs. */
function markHeaderlessTeasers(rows: LineAnalysis[], topic: TopicScores): void {
  const open = rows.filter((r) => !r.verdict);
  const pairs: LineAnalysis[][] = [];
  for (let k = open.length - 1; k >= 1; k -= 2) {
    const summary = open[k]!;
    const headline = open[k - 1]!;
    const isPair = summary.features.prose && headline.features.headline && !headline.features.prose && !summary.features.turn;
    if (!isPair) break;
    pairs.push([headline, summary]);
  }
  if (pairs.length < 2) return;
  const meanSummary = pairs.reduce((a, [, s]) => a + topic.of(s!), 0) / pairs.length;
  if (!topic.offTopic(meanSummary)) return;
  for (const pair of pairs) for (const row of pair) mark(row, 'teaser', 'trailing list of off-topic stories');
}

// 4 ───────────────────────────────────────────────────────────────────────────────────────────
/**
 * Lines before the article's first paragraph: masthead, section label, title, dek, name lines,
 * captions. Returns the index of the first article line.
 */
/** A sentence-cased headline ending in a full stop is rarely longer than this. */
const MAX_SENTENCE_HEADLINE_WORDS = 20;
/** A line that is one sentence with a single full stop at its end: how such a headline looks. */
/** (A question or exclamation inside may open it: "Conviction? ‘Zero chance,’ Republicans say.") */
const SENTENCE_WITH_STOP = /^["'“‘]?[\p{Lu}\p{N}](?:[^!?]|[!?](?=\s+["'“‘\p{Lu}]))*[^.!?\s]\.$/u;
/** A full stop inside a line that ends no sentence: in "6.6" or "U.S.", after an initial ("E.") or a title ("Gov."). */
const INNER_STOP =
  /(?<=(?:^|\s)(?:\p{Lu}|\p{Lu}(?:\.\p{Lu})+|Gov|Govs|Rep|Reps|Sen|Sens|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Rev|St|Mt|Ft|Jr|Sr|Co|Corp|Inc|Ltd|No|Pres|Supt|Atty|Dept))\.(?=\s)|\.(?=\S)/gu;

/** One sentence ending in a full stop: any stop inside it belongs to a number, an abbreviation or an initial. */
function oneSentenceWithStop(text: string): boolean {
  return SENTENCE_WITH_STOP.test(text) && !/[.](?=\s)/.test(text.slice(0, -1).replace(INNER_STOP, ''));
}

/** Words in a line that runs on like prose although it stops mid-sentence (a snippet, a cut feed item). */
const CUT_PROSE_WORDS = 20;

/** Prose, or a long run of mostly lower-case words whose end was cut off. */
function runningText(r: LineAnalysis): boolean {
  return r.features.prose || (r.features.words >= CUT_PROSE_WORDS && r.features.capitalShare < 0.5 && !r.features.endsSentence);
}

function markHead(rows: LineAnalysis[]): number {
  let start = rows.findIndex((r) => !r.verdict && (r.features.turn || (runningText(r) && r.features.words >= THRESHOLDS.minLeadWords)));
  // A dateline marks where the story proper begins; prose above it is a dek or a caption.
  const datelineAt = rows.findIndex((r, i) => i < Math.max(start, 0) + 4 && !r.verdict && DATELINE.test(r.line.text) && r.features.prose);
  if (datelineAt >= 0) {
    start = datelineAt;
    rows[datelineAt]!.role = 'dateline-lead';
  }
  if (start < 0) return rows.length;
  // A file that opens with one short sentence set apart above much longer prose (a dateline lead
  // included) opens with its headline, even a sentence-cased one ending in a full stop ("Senate
  // passes relief bill."), whether or not it is long enough to have been taken for the lead.
  const opening = rows[0]!;
  const next = rows.slice(1).find((r) => !r.verdict);
  const sentenceHeadline =
    start <= 1 &&
    !opening.verdict &&
    (datelineAt < 0 || datelineAt === 1) &&
    !opening.features.turn &&
    opening.features.words <= MAX_SENTENCE_HEADLINE_WORDS &&
    oneSentenceWithStop(opening.line.text) &&
    next !== undefined &&
    next.line.blankBefore > 0 &&
    runningText(next) &&
    next.features.words >= 1.5 * opening.features.words;
  if (sentenceHeadline) start = 1;
  const head = rows.slice(0, start).filter((r) => !r.verdict);

  // The title is the fullest headline above the article; headline-shaped lines above it are
  // the masthead or section label, those below it programme names and the like.
  // The title is the first headline that is neither an all-capitals label ("SPORTS | SOCCER")
  // nor a short masthead whose name the page repeats elsewhere (in its credits, bio, copyright).
  // The rows' texts lower-cased once, at the first question (most pages never ask).
  let lowered: string[] | null = null;
  const elsewhere = (r: LineAnalysis) => {
    lowered ??= rows.map((o) => o.line.text.toLowerCase());
    const text = r.line.text.toLowerCase();
    return rows.some((o, k) => o !== r && lowered![k]!.includes(text));
  };
  const titleLike = (r: LineAnalysis, minWords: number) =>
    r.features.headline && r.features.words >= minWords && !r.features.endsSentence && !(r.features.words <= 4 && !/\p{Ll}/u.test(r.line.text)) && !(r.features.words <= 5 && elsewhere(r));
  // A title-cased first line that ends with a full stop ("Senate Passes Relief Bill.") is a
  // headline too: some feeds and pastes end every line so.
  const stoppedHeadline = (r: LineAnalysis | undefined) =>
    r !== undefined && r.features.words >= 3 && r.features.words <= MAX_HEADLINE_WORDS && r.features.capitalShare >= 0.75 && oneSentenceWithStop(r.line.text);
  const title = sentenceHeadline ? opening : (head.find((r) => titleLike(r, 3)) ?? head.find((r) => titleLike(r, 2)) ?? (stoppedHeadline(head[0]) ? head[0] : undefined));
  if (title) {
    title.role = 'title';
    mark(title, 'metadata', 'title');
  }
  const titleIndex = title?.line.index ?? -1;
  for (const row of head) {
    if (row.verdict) continue;
    const f = row.features;
    const text = row.line.text;
    if (FULL_DATE.test(text) && /\d{4}\.?$/.test(text) && f.endsSentence && f.words <= THRESHOLDS.maxCaptionWords) {
      mark(row, 'caption', 'photo caption (a scene ending with its date)');
    } else if (row.line.index > titleIndex && titleIndex >= 0 && looksLikeDek(row) && !rows.some((r) => r.role === 'dek')) {
      row.role = 'dek';
      mark(row, 'metadata', 'standfirst under the title');
    } else if (f.headline && row.line.index < titleIndex) {
      row.role = 'masthead';
      mark(row, 'metadata', 'masthead or section label above the title');
    } else if (f.headline && titleIndex >= 0 && row.line.index > titleIndex && /^(?:\p{Lu}[\p{Ll}'’.-]+\s+){1,2}\p{Lu}[\p{Ll}'’.-]+$/u.test(text)) {
      row.role = 'byline';
      mark(row, 'metadata', 'name line under the title');
    } else if (f.headline) {
      mark(row, 'metadata', 'label under the title');
    } else if (!f.prose) {
      mark(row, 'boilerplate', 'short line before the article starts');
    }
  }
  markDekBeforeChrome(rows, start);
  return start;
}

/** A standfirst reads as prose (lower-case words) even when it has no final full stop. */
function looksLikeDek(row: LineAnalysis): boolean {
  const f = row.features;
  if (f.words < MIN_DEK_WORDS || f.words > THRESHOLDS.maxDekWords) return false;
  const lower = (row.line.text.match(/(?:^|\s)\p{Ll}/gu) ?? []).length;
  return lower / f.words >= 0.4;
}
const MIN_DEK_WORDS = 6;

/** The first paragraph after the title is the dek only when chrome separates it from the story. */
function markDekBeforeChrome(rows: LineAnalysis[], start: number): void {
  const titleAt = rows.findIndex((r) => r.role === 'title');
  if (titleAt < 0 || titleAt >= start || rows.some((r) => r.role === 'dek')) return;
  const candidate = rows[start];
  const next = rows[start + 1];
  if (!candidate || !next || candidate.features.turn || candidate.role === 'dateline-lead') return;
  const onlyChromeBetween = rows.slice(titleAt + 1, start).every((r) => r.verdict);
  const chromeAfter = next.verdict && ['caption', 'metadata', 'share', 'player'].includes(next.verdict.kind);
  if (onlyChromeBetween && chromeAfter && candidate.features.words <= THRESHOLDS.maxDekWords) {
    candidate.role = 'dek';
    mark(candidate, 'metadata', 'standfirst under the title, set apart by a caption or byline');
  }
}

// 5 ───────────────────────────────────────────────────────────────────────────────────────────
/**
 * Walking back from the end: bios and short furniture after the article's last paragraph.
 * The walk stops at the first line that reads as article prose or a speaker turn.
 */
function markTail(rows: LineAnalysis[], bodyStart: number): void {
  const bylines = rows
    .filter((r) => r.role === 'byline')
    .map((r) =>
      r.line.text
        .replace(/^\W*(?:by|written by|author)\s*:?\s*/i, '')
        .split(/[,|(]/)[0]!
        .trim(),
    );
  const reporters = rows.filter((r) => r.features.turn?.role).map((r) => r.features.turn!.speaker.toLowerCase());
  const aboutTheAuthor = (text: string) => [...bylines.map((b) => b.toLowerCase()), ...reporters].some((name) => name.length > 3 && text.toLowerCase().startsWith(name + ' '));
  for (let i = rows.length - 1; i > bodyStart; i--) {
    const row = rows[i]!;
    if (row.verdict) continue;
    const f = row.features;
    const text = row.line.text;
    if (f.turn) break;
    if (BIO_SENTENCE.test(text) || BIO_FOLLOWUP.test(text) || (aboutTheAuthor(text) && f.words <= 80)) mark(row, 'bio', 'biography of the journalist');
    else if (!f.prose && f.words <= THRESHOLDS.maxWidgetWords) mark(row, 'boilerplate', 'short line after the article ends');
    else break;
  }
}

// 6 ───────────────────────────────────────────────────────────────────────────────────────────
function markGluedCredits(rows: LineAnalysis[]): void {
  for (const row of rows) {
    if (row.verdict) continue;
    const match = (row.creditWords ?? CREDIT_WORDS.test(row.line.text)) ? CREDIT_SENTENCE.exec(row.line.text) : null;
    if (!match || match.index === 0) continue;
    const before = row.line.text.slice(0, match.index);
    if (!/[.!?"”’]\s*$/.test(before) && !/[.!?"”’]$/.test(before.trimEnd())) continue;
    const from = match.index + (match[0].length - match[0].trimStart().length);
    row.verdict = { kind: 'credit', reason: 'copyright credit glued to the end of a line', from };
  }
}
