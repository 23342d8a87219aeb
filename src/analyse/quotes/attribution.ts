// Who a quotation is attributed to, read from the words around it: "…," Smith said; said Smith;
// Smith told reporters, "…"; according to Smith; the ministry said in a statement; "…," he said.
import type { NameMention, TextRange } from '../mentions.ts';
import type { Token, TokenizedText } from '../tokens.ts';
import { LABELING_VERBS, SPEECH_VERBS, STATEMENT_NOUNS, SUBJECT_PRONOUNS, type PronounAgreement } from '../vocabulary/speech.ts';
import { CALENDAR_WORDS } from '../vocabulary/names.ts';
import { firstStartingAt } from '../../text/ranges.ts';
import { TITLE_MINOR_WORDS } from '../../text/stopwords.ts';
import type { Quotation } from './quotation-marks.ts';

export type SpeakerRef =
  | { kind: 'mention'; mention: number }
  | { kind: 'pronoun'; token: number; agreement: PronounAgreement }
  /** A description with no name: "a source", "officials", "the ministry". */
  | { kind: 'phrase'; range: TextRange; head: string }
  /** No cue of its own: the continuation of the quotation before it. */
  | { kind: 'previous' };

export interface Attribution {
  cue: TextRange | null;
  speaker: SpeakerRef | null;
}

const MAX_PHRASE_TOKENS = 10;
/** A sentence after a quote this short can be nothing but its cue ("Smith said on Monday."). */
const MAX_CUE_SENTENCE_TOKENS = 8;
const MAX_APPOSITION_TOKENS = 16;
/** A roundup's source line ("- Name, Outlet.", "-Name, tweeting after the speech.") is this short. */
const MAX_SOURCE_LINE_TOKENS = 12;
/** Verbs that introduce a quote after a colon without being speech verbs elsewhere ("Ruiz echoed:"). */
const INTRO_VERBS = new Set(['echo', 'issue', 'release', 'put', 'sum', 'offer']);
const MAX_PARENTHESIS_TOKENS = 12;
/** How much may follow the last quote of a paragraph for the next paragraph to continue it. */
const MAX_TRAILING_CUE_CHARS = 80;
const DASH = /^[\u2014\u2015\u2013-]$/;
const QUOTE_MARK = /^["\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019]$/;
const TIME_WORDS = new Set(['last', 'this', 'next', 'on', 'week', 'month', 'year', 'weekend', 'night', 'morning', 'afternoon', 'evening', 'yesterday', 'today', 'tonight', 'earlier', 'later']);
/** Heads of a time or a quantity, never a speaker. */
const MEASURE_NOUNS = new Set([
  'second',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'year',
  'decade',
  'time',
  'moment',
  'percent',
  'size',
  'number',
  'amount',
  'lot',
  'dozen',
  'hundred',
  'thousand',
  'million',
  'billion',
]);
const HEARSAY_VERBS = new Set(['report', 'expect', 'believe', 'understand', 'think', 'know', 'say', 'quote', 'schedule', 'set', 'due']);
const POSSESSIVE_PRONOUN = /^(?:his|her|its|their|our|my)$/i;
const NOUN_MODIFIER = /^(?:DET|ADJ|ADP|NUM)$/;
/** Prepositions that tie a speaker to whom or what they are near: "aides to", "a friend of". */
const OWNER_PREPOSITIONS = new Set(['to', 'for', 'of', 'with', 'from', 'at', 'in', 'near', 'inside', 'within', 'around']);
/** Who speaks for the organization or person after the preposition: "a spokesman for the ministry". */
const SPOKESPERSON_NOUNS = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokesmen', 'spokeswomen', 'spokespeople', 'representative', 'mouthpiece', 'readout', 'transcript', 'account']);
/** People named by whom they stand near, often opening a sentence: "Aides to the owner said". */
const ENTOURAGE_NOUNS = new Set([
  'aides',
  'officials',
  'sources',
  'friends',
  'people',
  'members',
  'allies',
  'advisers',
  'advisors',
  'lawyers',
  'attorneys',
  'relatives',
  'supporters',
  'critics',
  'colleagues',
  'associates',
  'insiders',
  'diplomats',
  'staff',
  'staffers',
]);
/** Verbs whose object is the one spoken to: "told the delegation", "asked the crowd". */
const LISTENER_VERBS = new Set(['tell', 'ask']);
/** Words opening a clause that is not the sentence's own: "As the crowd began to chant, …". */
const SUBORDINATORS = new Set(['as', 'when', 'after', 'before', 'while', 'if', 'although', 'though', 'because', 'since', 'once', 'until', 'whereas']);

/** "in a statement", "told reporters": the occasion or audience of a cue, never its speaker. */
function isAudienceOrOccasion(lemma: string): boolean {
  return STATEMENT_NOUNS.has(lemma) || lemma === 'reporter' || lemma === 'journalist';
}

/** Words right before a quoted title of a work: "on “Fox News Sunday”", "told “Meet the Press”". */
const WORK_INTRODUCERS = new Set(['on', 'in', 'to', 'with', 'at', 'told']);
const MAX_WORK_TITLE_WORDS = 6;

/**
 * "said on “Fox News Sunday.”", "told “Meet the Press”": a few words in title case right after
 * a preposition (or "told") in lower case name a programme, a book or a film, not words anyone
 * said (in a headline in title case, "On ‘Radical Islam’" may quote).
 */
export function namesAWork(text: TokenizedText, q: Quotation): boolean {
  const open = firstStartingAt(text.tokens, q.open);
  const before = text.tokens[open - 1];
  if (!before || before.passage !== text.tokens[open]?.passage || !WORK_INTRODUCERS.has(before.text)) return false;
  const words = text.original
    .slice(q.start, q.end)
    .replace(/[.,!?]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  return words.length >= 2 && words.length <= MAX_WORK_TITLE_WORDS && /^\p{Lu}/u.test(words[0]!) && words.every((w) => /^[\p{Lu}\d]/u.test(w) || TITLE_MINOR_WORDS.has(w));
}

export class AttributionReader {
  private readonly mentionByLast = new Map<number, number>();
  private readonly mentionByFirst = new Map<number, number>();
  private readonly quoted: boolean[];

  constructor(
    private readonly doc: TokenizedText,
    private readonly mentions: NameMention[],
    quotations: Quotation[],
  ) {
    mentions.forEach((m, i) => {
      // Transcript labels stand outside the tokens (index -1): a window's out-of-range lookup
      // (`window[k] ?? -1`) must never find one.
      if (m.firstToken < 0) return;
      this.mentionByLast.set(m.lastToken, i);
      this.mentionByFirst.set(m.runStart, i);
      this.mentionByFirst.set(m.firstToken, i);
    });
    this.quoted = doc.tokens.map(() => false);
    for (const q of quotations) {
      for (let t = this.tokenAtOrAfter(q.start); t < doc.tokens.length && doc.tokens[t]!.start < q.end; t++) this.quoted[t] = true;
    }
  }

  isQuoted(token: number): boolean {
    return this.quoted[token] ?? false;
  }

  /** First token starting at or after `offset`. */
  tokenAtOrAfter(offset: number): number {
    return firstStartingAt(this.doc.tokens, offset);
  }

  attribute(q: Quotation, previous: Quotation | undefined): Attribution {
    const tokens = this.doc.tokens;
    const openTok = this.tokenAtOrAfter(q.open);
    const closeTok = q.close === null ? -1 : this.tokenAtOrAfter(q.close);
    // After the closing mark, up to the end of its sentence or the next opening mark.
    const closeSentence = tokens[closeTok]?.sentence ?? -1;
    const closePassage = tokens[closeTok]?.passage ?? -1;
    let after = closeTok >= 0 && closeTok < tokens.length ? this.window(closeTok + 1, +1) : [];
    if (after.length && tokens[after[0]!]!.passage !== closePassage) after = [];
    const afterInSentence = after.length > 0 && tokens[after[0]!]!.sentence === closeSentence;
    // Before the opening mark, back to its sentence start or the previous closing mark.
    const before = this.window(openTok - 1, -1, tokens[openTok]?.sentence ?? -1);
    const fromBefore = this.readBefore(before);
    // "Wang said “…,” according to the readout": a verb right before the quote names the speaker;
    // what follows names the source of the report.
    if (fromBefore && this.endsWithSpeechVerb(before)) return fromBefore;
    if (afterInSentence) {
      const found = this.readAfter(after);
      if (found) return found;
    }
    if (fromBefore) return fromBefore;
    // The quote ended its sentence and the next is only the cue: "…it.” Smith said.
    if (!afterInSentence && after.length > 0 && after.length <= MAX_CUE_SENTENCE_TOKENS && (tokens[after[after.length - 1]!]!.text === '.' || DASH.test(tokens[after[0]!]!.text))) {
      const cueOnly = this.readAfter(after);
      if (cueOnly) return cueOnly;
    }
    const sourceLine = this.sourceLineAfter(closeTok);
    if (sourceLine) return sourceLine;
    // A sentence that only quotes: "Smith said:" just before, or a continuation of the last quote.
    const previousSentence = this.previousSentenceEndingWithColon(openTok);
    if (previousSentence) {
      const intro = this.readBefore(previousSentence) ?? this.introducedBy(previousSentence);
      if (intro) return intro;
    }
    if (previous && this.continues(previous, q)) return { cue: null, speaker: { kind: 'previous' } };
    return { cue: null, speaker: null };
  }

  /**
   * A sentence ending in a colon that introduces a quote in words readBefore does not take: the
   * speech verb or the statement noun it holds (the last), and who stands before it, the nearest
   * name or subject pronoun ("President Ruiz released the following statement:", "She went on to
   * say:", "Ruiz echoed:"), or the name after it ("Stated Ruiz:").
   */
  private introducedBy(window: number[]): Attribution | null {
    const tokens = this.doc.tokens;
    let at = -1;
    for (let k = window.length - 1; k >= 0 && at < 0; k--) {
      const token = tokens[window[k]!]!;
      const verb = (token.pos === 'VERB' || token.pos === 'AUX') && (SPEECH_VERBS.has(token.lemma) || INTRO_VERBS.has(token.lemma));
      if (verb || (token.pos === 'NOUN' && STATEMENT_NOUNS.has(token.lemma))) at = k;
    }
    if (at < 0) return null;
    const cue = this.range(window[at]!, window[at]!);
    for (let k = at - 1; k >= 0; k--) {
      const t = window[k]!;
      const m = this.mentionByLast.get(t);
      if (m !== undefined && !CALENDAR_WORDS.has(this.mentions[m]!.text)) return { cue, speaker: { kind: 'mention', mention: m } };
      const pronoun = this.subjectPronoun(t);
      if (pronoun) return { cue, speaker: pronoun };
    }
    const m = this.mentionByFirst.get(window[at + 1] ?? -1);
    return m === undefined ? null : { cue, speaker: { kind: 'mention', mention: m } };
  }

  /** The token as a speaker when it is a subject pronoun ("he", "she", "they"). */
  private subjectPronoun(t: number): Extract<SpeakerRef, { kind: 'pronoun' }> | null {
    const token = this.doc.tokens[t]!;
    const agreement = SUBJECT_PRONOUNS.get(token.text.toLowerCase());
    return agreement && token.pos === 'PRON' ? { kind: 'pronoun', token: t, agreement } : null;
  }

  /**
   * A roundup's source on a line of its own, after a quote that ends its paragraph: a dash and a
   * name opening a short paragraph ("“…pay zero taxes.”" then "- Bernie Sanders." or "-Michelle
   * Marks, Philadelphia." or "-President Obama, tweeting after the speech.").
   */
  private sourceLineAfter(closeTok: number): Attribution | null {
    const tokens = this.doc.tokens;
    const close = tokens[closeTok];
    if (!close) return null;
    let t = closeTok + 1;
    // Nothing but punctuation may follow the quote in its paragraph.
    for (; t < tokens.length && tokens[t]!.passage === close.passage; t++) if (tokens[t]!.pos !== 'PUNCT') return null;
    const dash = tokens[t];
    if (!dash || !DASH.test(dash.text) || this.quoted[t]) return null;
    let end = t;
    while (end + 1 < tokens.length && tokens[end + 1]!.passage === dash.passage) end++;
    if (end - t + 1 > MAX_SOURCE_LINE_TOKENS) return null;
    const m = this.mentionByFirst.get(t + 1);
    if (m === undefined) return null;
    return { cue: this.range(t, t), speaker: { kind: 'mention', mention: m } };
  }

  /**
   * Token indices outside quotations from `from` in `step` direction, within one sentence and
   * passage. Forward, that is the sentence holding the first word after the closing mark (so
   * "…it.” Smith said." reads "Smith said"); backward, only the opening mark's own sentence.
   */
  private window(from: number, step: 1 | -1, markSentence?: number): number[] {
    const tokens = this.doc.tokens;
    const anchor = tokens[from];
    if (!anchor || (markSentence !== undefined && anchor.sentence !== markSentence)) return [];
    const out: number[] = [];
    for (let t = from; t >= 0 && t < tokens.length; t += step) {
      const token = tokens[t]!;
      if (token.passage !== anchor.passage || token.sentence !== anchor.sentence) break;
      if (this.quoted[t] || (QUOTE_MARK.test(token.text) && !this.isPossessiveMark(t))) break;
      out.push(t);
    }
    return step === 1 ? out : out.reverse();
  }

  /** "Ivo Cross’ speech": an apostrophe glued to a word in -s, not a closing single quote. */
  private isPossessiveMark(t: number): boolean {
    const token = this.doc.tokens[t]!;
    const prev = this.doc.tokens[t - 1];
    return /^['\u2019]$/.test(token.text) && prev !== undefined && prev.end === token.start && /s$/.test(prev.text) && prev.pos === 'PROPN';
  }

  private endsWithSpeechVerb(window: number[]): boolean {
    const tokens = this.doc.tokens;
    let k = window.length - 1;
    // A dash closes an aside ("… as Moscow denies — “why…?” asked Dunn"); a colon or comma introduces.
    while (k >= 0 && ((tokens[window[k]!]!.pos === 'PUNCT' && !DASH.test(tokens[window[k]!]!.text)) || tokens[window[k]!]!.text === 'that')) k--;
    return k >= 0 && this.isSpeechVerb(window[k]!);
  }

  /** "state media quoted him as saying", "reported Wang saying": the one named before "saying". */
  private quotedAsSaying(window: number[]): Attribution | null {
    const tokens = this.doc.tokens;
    for (let k = window.length - 1; k > 0; k--) {
      if (tokens[window[k]!]!.text.toLowerCase() !== 'saying') continue;
      let j = k - 1;
      if (tokens[window[j]!]!.text === 'as') j--;
      const t = window[j];
      if (t === undefined) return null;
      const m = this.mentionByLast.get(t);
      const cue = this.range(window[k]!, window[k]!);
      if (m !== undefined) return { cue, speaker: { kind: 'mention', mention: m } };
      const word = tokens[t]!.text.toLowerCase();
      if (word === 'him' || word === 'her') return { cue, speaker: { kind: 'pronoun', token: t, agreement: word === 'him' ? 'male' : 'female' } };
      return null;
    }
    return null;
  }

  private readAfter(window: number[]): Attribution | null {
    const saying = this.quotedAsSaying(window);
    if (saying) return saying;
    const tokens = this.doc.tokens;
    let k = 0;
    while (k < window.length && (tokens[window[k]!]!.text === ',' || DASH.test(tokens[window[k]!]!.text))) k++;
    const rest = window.slice(k);
    if (!rest.length) return null;
    // "“…” ― Sonya Herridge": a dash and a name with no verb after it.
    if (k > 0 && DASH.test(tokens[window[k - 1]!]!.text)) {
      const m = this.mentionByFirst.get(rest[0]!);
      const verbAfter = m !== undefined && rest.some((t) => t > this.mentions[m]!.lastToken && /^(?:VERB|AUX)$/.test(tokens[t]!.pos));
      if (m !== undefined && !verbAfter) return { cue: this.range(window[k - 1]!, window[k - 1]!), speaker: { kind: 'mention', mention: m } };
    }
    // "according to Smith"
    const according = this.accordingTo(rest, 0);
    if (according) return according;
    // "said Smith" / "added the ministry"
    if (this.isSpeechVerb(rest[0]!)) {
      const speaker = this.subjectAfter(rest, 1);
      if (speaker) return { cue: this.range(rest[0]!, rest[0]!), speaker };
    }
    // "Smith said", "he said", "Wang Yi, China's top diplomat, said", "the ministry said"; a name
    // and a comma may open a longer apposition ("Ada Wade, the director of … and who also
    // appears in the film, told").
    const named = this.mentionByFirst.get(rest[0]!);
    const appositionAfterName = named !== undefined && tokens[rest[this.mentions[named]!.lastToken - rest[0]! + 1] ?? -1]?.text === ',';
    const reach = appositionAfterName ? MAX_APPOSITION_TOKENS * 2 : MAX_APPOSITION_TOKENS + 2;
    for (let v = 1; v < rest.length && v <= reach; v++) {
      if (!this.isSpeechVerb(rest[v]!)) continue;
      const speaker = this.subjectBefore(rest, v);
      if (speaker) return { cue: this.cueRange(rest, v), speaker };
      break;
    }
    return null;
  }

  private readBefore(window: number[]): Attribution | null {
    const tokens = this.doc.tokens;
    const saying = this.quotedAsSaying(window);
    if (saying) return saying;
    for (let k = 0; k + 1 < window.length; k++) {
      const according = this.accordingTo(window, k);
      if (according) return according;
    }
    // The last speech verb before the quote: "Smith said:", "Smith told the AP,", "said Smith:".
    for (let v = window.length - 1; v >= 0; v--) {
      const t = window[v]!;
      const labeling = LABELING_VERBS.has(tokens[t]!.lemma) && tokens[t]!.pos === 'VERB';
      if (!this.isSpeechVerb(t) && !labeling) continue;
      // "a class called “Perception”", "a group dubbed …": a name given, not words spoken.
      if (labeling && this.namesTheNounBefore(window, v)) continue;
      // "Trump attacked Clinton over Libya, saying, …", "Sanders emailed supporters saying: …":
      // the participle's speaker is the subject of the clause it hangs on, never the object or
      // place just before it.
      if (/ing$/.test(tokens[t]!.text) && tokens[t]!.pos === 'VERB') {
        const subject = this.participleSubject(window, v) ?? this.clauseSubject(window, v) ?? this.clauseSubjectPastQuotes(window, v);
        if (subject) return { cue: this.cueRange(window, v), speaker: subject };
      }
      // "told the delegation", "asked the crowd" name the listener, so only other verbs may take
      // their subject after.
      const speaker = this.subjectBefore(window, v) ?? (LISTENER_VERBS.has(tokens[t]!.lemma) ? null : this.subjectAfter(window, v + 1));
      if (speaker) return { cue: this.cueRange(window, v), speaker };
    }
    return null;
  }

  /**
   * "a course called “Perception”": a participle of a labeling verb right after a noun, the quote
   * right after it, names the noun (not "the agency last week called the plan “…”").
   */
  private namesTheNounBefore(window: number[], v: number): boolean {
    const tokens = this.doc.tokens;
    const verb = tokens[window[v]!]!;
    const noun = tokens[window[v - 1] ?? -1];
    return /ed$/.test(verb.text) && v === window.length - 1 && noun?.pos === 'NOUN' && !TIME_WORDS.has(noun.lemma);
  }

  /**
   * The participle's own subject, when the sentence gives it one: a name right before it
   * ("footage of Hillary Clinton asking, …", "with Trump reportedly yelling: …"), or the noun
   * phrase after "with" ("the ad ends with a voice over saying: …").
   */
  private participleSubject(window: number[], v: number): SpeakerRef | null {
    const tokens = this.doc.tokens;
    let k = v - 1;
    while (k >= 0 && tokens[window[k]!]!.pos === 'ADV') k--;
    const named = this.mentionByLast.get(window[k] ?? -1);
    if (named !== undefined) return { kind: 'mention', mention: named };
    let w = k;
    while (w >= 0 && k - w < MAX_PHRASE_TOKENS && tokens[window[w]!]!.text.toLowerCase() !== 'with') w--;
    if (w < 0 || w === k || tokens[window[w]!]!.text.toLowerCase() !== 'with') return null;
    // Only a noun phrase between "with" and the participle: "with a voice over", not "with him, saying".
    let head = -1;
    for (let j = w + 1; j <= k; j++) {
      const pos = tokens[window[j]!]!.pos;
      if (!/^(?:NOUN|PROPN|ADJ|DET|NUM|ADP)$/.test(pos)) return null;
      if (pos === 'NOUN' || pos === 'PROPN') head = j;
    }
    return head < 0 ? null : this.phrase(window[w + 1]!, window[k]!, true, window[head]!);
  }

  /**
   * The clause's subject when a quoted title cut the window short ("Carson shared a syllabus for
   * a class called “Perception” on his page, writing “…”"): the sentence's words before the
   * participle, quotes left out.
   */
  private clauseSubjectPastQuotes(window: number[], v: number): SpeakerRef | null {
    const tokens = this.doc.tokens;
    const first = window[0];
    if (first === undefined) return null;
    const sentence = this.doc.sentences[tokens[first]!.sentence];
    if (!sentence) return null;
    const wider: number[] = [];
    for (let t = sentence.first; t < first; t++) if (!this.quoted[t] && !QUOTE_MARK.test(tokens[t]!.text)) wider.push(t);
    // Nothing quoted before the window: it was not cut short.
    if (wider.length === first - sentence.first) return null;
    return this.clauseSubject([...wider, ...window], wider.length + v);
  }

  /**
   * The subject of the first verb before window[v] that has one: "She then urges him to stay and
   * says"; "Smith, who leads the group, met them and said" (not "who"); after a leading
   * subordinate clause ("As the crowd began to chant, Silverman joked").
   */
  private clauseSubject(window: number[], v: number): SpeakerRef | null {
    const tokens = this.doc.tokens;
    let first = 0;
    // Past each leading subordinate clause and each leading phrase with no verb that opens with a
    // preposition: "Once in my 20s, when she asked, I laughed and said"; "In June 2009, after
    // Clinton suffered a concussion, Axelrod emailed her …, telling her".
    for (;;) {
      let comma = first + 1;
      while (comma < v && tokens[window[comma]!]!.text !== ',') comma++;
      if (comma >= v) break;
      const opener = tokens[window[first]!]!;
      const leading = SUBORDINATORS.has(opener.text.toLowerCase()) || (opener.pos === 'ADP' && !window.slice(first, comma).some((t) => tokens[t]!.pos === 'VERB'));
      if (!leading) break;
      first = comma + 1;
    }
    first++;
    for (let j = first; j < v; j++) {
      if (tokens[window[j]!]!.pos !== 'VERB') continue;
      const subject = this.subjectBefore(window, j);
      if (subject) return subject;
    }
    return null;
  }

  private accordingTo(window: number[], k: number): Attribution | null {
    const tokens = this.doc.tokens;
    const a = window[k];
    const b = window[k + 1];
    if (a === undefined || b === undefined) return null;
    if (tokens[a]!.text.toLowerCase() !== 'according' || tokens[b]!.text !== 'to') return null;
    const speaker = this.subjectAfter(window, k + 2);
    return speaker ? { cue: this.range(a, b), speaker } : null;
  }

  private isSpeechVerb(t: number): boolean {
    const token = this.doc.tokens[t]!;
    if (!SPEECH_VERBS.has(token.lemma) || !/^\p{Ll}/u.test(token.text)) return false;
    if (token.pos === 'VERB' || token.pos === 'AUX') return true;
    // A verb the tagger read as a noun ("Smith states"), never a noun after its article or
    // modifier ("one of the states", "the following comment").
    return token.pos === 'NOUN' && !NOUN_MODIFIER.test(this.doc.tokens[t - 1]?.pos ?? '');
  }

  /** The subject left of the verb at window[v]. */
  private subjectBefore(window: number[], v: number): SpeakerRef | null {
    const tokens = this.doc.tokens;
    let k = v - 1;
    // Auxiliaries, adverbs and times between subject and verb: "Smith has also said", "the
    // agency last week said", "Smith on Monday said".
    while (k >= 0) {
      const w = tokens[window[k]!]!;
      // A parenthesis after a name: "Rep. Gwen Moore (D-Wis.) said".
      if (w.text === ')') {
        let j = k - 1;
        while (j >= 0 && tokens[window[j]!]!.text !== '(' && k - j <= MAX_PARENTHESIS_TOKENS) j--;
        if (j < 0 || tokens[window[j]!]!.text !== '(') return null;
        k = j - 1;
        continue;
      }
      const skippable =
        (/^(?:ADV|AUX|PART)$/.test(w.pos) && !/^['\u2019]s$/.test(w.text)) ||
        // "it further wrote": an adverb the tagger reads as a verb.
        w.lemma === 'further' ||
        TIME_WORDS.has(w.lemma) ||
        CALENDAR_WORDS.has(w.text) ||
        // "Xi was reported to have told", "she is expected to say"
        (w.pos === 'VERB' && HEARSAY_VERBS.has(w.lemma) && tokens[window[k - 1] ?? -1]?.pos === 'AUX');
      if (!skippable) break;
      k--;
    }
    if (k < 0) return null;
    const t = window[k]!;
    const token = tokens[t]!;
    // "Seo described the system as … and said": the subject of the first verb.
    if (token.lemma === 'and' && k > 0) return this.clauseSubject(window, k);
    // "this tweet from Rikkie Wells, who tweeted": the name the relative pronoun stands for.
    if (token.text.toLowerCase() === 'who' && k > 0) {
      const antecedent = tokens[window[k - 1]!]!.text === ',' ? k - 2 : k - 1;
      const m = this.mentionByLast.get(window[antecedent] ?? -1);
      return m === undefined ? null : { kind: 'mention', mention: m };
    }
    // An apposition between commas: "Wang Yi, China's top diplomat, said".
    if (token.text === ',') {
      // "China's diplomat for the region, Yang Tao, said": the name right before the comma.
      // "Helen Tang, an analyst in Hong Kong, said": the name before the apposition, unless the
      // name right before the comma is itself a person's ("the diplomat, Yang Tao, said").
      // Several appositions may stand between ("Scott Pruitt, the attorney general of Oklahoma,
      // one of the states suing, said"): the nearest name before a comma that is not a place or body.
      let fallback: number | undefined;
      for (let j = k; j >= 0 && k - j <= MAX_APPOSITION_TOKENS * 2; j--) {
        if (tokens[window[j]!]!.text !== ',') continue;
        let before = j - 1;
        if (tokens[window[before] ?? -1]?.text === ')') while (before >= 0 && tokens[window[before]!]!.text !== '(') before--;
        if (tokens[window[before] ?? -1]?.text === '(') before--;
        const m = this.mentionByLast.get(window[before] ?? -1);
        if (m === undefined || CALENDAR_WORDS.has(this.mentions[m]!.text)) continue;
        // "Fiorina, speaking to Iowans, said": a name after a preposition is no apposition's owner.
        if (tokens[this.mentions[m]!.runStart - 1]?.pos === 'ADP') continue;
        const type = this.mentions[m]!.type;
        if (type === null || type === 'person') return { kind: 'mention', mention: m };
        fallback ??= m;
      }
      return fallback === undefined ? null : { kind: 'mention', mention: fallback };
    }
    const m = this.mentionByLast.get(t);
    // "Sanders' comments Tuesday, telling reporters": a day or month never speaks.
    if (m !== undefined) {
      if (CALENDAR_WORDS.has(this.mentions[m]!.text)) return null;
      let start = k;
      while (start > 0 && window[start]! > this.mentions[m]!.runStart) start--;
      return this.ownerOfSubject(window, start, t) ?? { kind: 'mention', mention: m };
    }
    const pronoun = this.subjectPronoun(t);
    if (pronoun) return pronoun;
    // "the 34-year-old mother of three replied": a number after "of" counts the noun's children.
    let head = t;
    if (token.pos === 'NUM' && k >= 2 && tokens[window[k - 1]!]!.text === 'of' && tokens[window[k - 2]!]!.pos === 'NOUN') {
      k -= 2;
      head = window[k]!;
    } else if (token.pos !== 'NOUN' && token.pos !== 'PROPN') return null;
    let from = k;
    while (from - 1 >= 0 && k - from < MAX_PHRASE_TOKENS) {
      const prev = tokens[window[from - 1]!]!;
      // "the 34-year-old mother": a hyphen inside a word joins it.
      const joining = prev.text === '-' && prev.start === tokens[window[from - 2] ?? -1]?.end && prev.end === tokens[window[from]!]!.start;
      if (/^(?:NOUN|PROPN|ADJ|DET|NUM|PART)$/.test(prev.pos) || POSSESSIVE_PRONOUN.test(prev.text) || (prev.text === 'of' && from - 2 >= 0) || joining) from--;
      else break;
    }
    while (from < k && tokens[window[from]!]!.text === 'of') from++;
    const owner = this.ownerOfSubject(window, from, t);
    if (owner) return owner;
    // Left of its verb a statement or a letter speaks: "the letter reads", "the statement said".
    return this.phrase(window[from]!, t, true, head);
  }

  /**
   * The subject that a name or a noun phrase after a preposition belongs to, when a noun heads it
   * from before the preposition: "aides to the chancellor said", "a person close to Varga said",
   * "two people familiar with the talks said", "a friend of Varga said". Whom the speaker is near,
   * or what they know about, never speaks: the whole phrase is the (described) speaker. A
   * spokesperson or a statement of an organization speaks for it ("a spokesman for the ministry
   * said", "a statement from the ministry said": the ministry), so those keep the name. Null when
   * no such noun stands before the subject starting at window[start] and ending at `last`; a name
   * before "of" or "from" is the speaker itself ("Johnson of Eastland said").
   */
  private ownerOfSubject(window: number[], start: number, last: number): SpeakerRef | null {
    const tokens = this.doc.tokens;
    let p = start - 1;
    const preposition = tokens[window[p] ?? -1];
    if (!preposition || !OWNER_PREPOSITIONS.has(preposition.text.toLowerCase())) return null;
    p--;
    // "close to", "familiar with", "loyal to": one adjective between the head and its preposition.
    if (p >= 1 && tokens[window[p]!]!.pos === 'ADJ' && tokens[window[p - 1]!]!.pos === 'NOUN') p--;
    const head = window[p];
    const token = tokens[head ?? -1];
    if (head === undefined || !token) return null;
    // "Johnson of Eastland said", "Rep. Gwen Moore from Wisconsin said": the name before speaks.
    const named = this.mentionByLast.get(head);
    if (named !== undefined && p === start - 2 && /^(?:of|from)$/i.test(preposition.text)) return { kind: 'mention', mention: named };
    // A common noun ("aides"); at the start of its sentence the tagger reads "Aides to the owner"
    // as a name, so there a noun for people who stand near someone counts too (not "Johnson of Ohio").
    const sentenceStart = tokens[head - 1]?.sentence !== token.sentence;
    const common = token.pos === 'NOUN' && (/^\p{Ll}/u.test(token.text) || sentenceStart);
    if (!common && !(sentenceStart && ENTOURAGE_NOUNS.has(token.text.toLowerCase()))) return null;
    if (SPOKESPERSON_NOUNS.has(token.lemma) || STATEMENT_NOUNS.has(token.lemma) || isAudienceOrOccasion(token.lemma)) return null;
    let from = p;
    while (from - 1 >= 0 && p - from < MAX_PHRASE_TOKENS) {
      const prev = tokens[window[from - 1]!]!;
      if (/^(?:NOUN|ADJ|DET|NUM)$/.test(prev.pos) || POSSESSIVE_PRONOUN.test(prev.text)) from--;
      else break;
    }
    return this.phrase(window[from]!, last, true, head);
  }

  /** The subject right of an inverted verb or "according to": "said Smith", "said the ministry". */
  private subjectAfter(window: number[], k: number): SpeakerRef | null {
    const tokens = this.doc.tokens;
    const t = window[k];
    if (t === undefined) return null;
    const m = this.mentionByFirst.get(t);
    if (m !== undefined) return { kind: 'mention', mention: m };
    const token = tokens[t]!;
    const pronoun = this.subjectPronoun(t);
    // "said he" is a subject; "said it could" is the start of reported speech.
    if (pronoun) return pronoun.agreement === 'male' || pronoun.agreement === 'female' ? pronoun : null;
    if (!/^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(token.pos) && !POSSESSIVE_PRONOUN.test(token.text)) return null;
    let end = k;
    let head = -1;
    for (let j = k; j < window.length && j - k < MAX_PHRASE_TOKENS; j++) {
      const w = tokens[window[j]!]!;
      if (/^(?:NOUN|PROPN)$/.test(w.pos)) {
        const inner = this.mentionByFirst.get(window[j]!);
        // "said the foreign minister, Wang Yi" → the name, not the description.
        if (inner !== undefined && head < 0 && j > k) return { kind: 'mention', mention: inner };
        head = j;
        end = j;
      } else if (/^(?:DET|ADJ|NUM|PART)$/.test(w.pos) || POSSESSIVE_PRONOUN.test(w.text)) end = j;
      else break;
    }
    if (head < 0) return null;
    return this.phrase(window[k]!, window[end]!);
  }

  private phrase(first: number, last: number, subject = false, headToken = last): SpeakerRef | null {
    const tokens = this.doc.tokens;
    const head = tokens[headToken]!;
    // "in a statement", "to reporters" are not speakers, except as the subject of the cue ("the
    // statement said", "a reporter asked"); nor is a time or a quantity ("a few minutes later
    // said", "the size of the crowd").
    if ((!subject && isAudienceOrOccasion(head.lemma)) || head.pos === 'NUM' || TIME_WORDS.has(head.lemma) || MEASURE_NOUNS.has(head.lemma) || CALENDAR_WORDS.has(head.text)) return null;
    // A name the whole phrase is ("the Foreign Ministry"), not one after its head ("aides to Varga").
    for (let t = first; t <= headToken; t++) {
      const m = this.mentionByFirst.get(t);
      if (m !== undefined && this.mentions[m]!.lastToken === last) return { kind: 'mention', mention: m };
    }
    return { kind: 'phrase', range: this.range(first, last), head: head.lemma };
  }

  private cueRange(window: number[], v: number): TextRange {
    const tokens = this.doc.tokens;
    const verb = window[v]!;
    // "told reporters", "said in a statement": the cue keeps its object or occasion.
    let end = verb;
    for (let j = v + 1; j < window.length && j <= v + 4; j++) {
      const w = tokens[window[j]!]!;
      if (w.pos === 'PUNCT' || QUOTE_MARK.test(w.text)) break;
      if (isAudienceOrOccasion(w.lemma)) {
        end = window[j]!;
        break;
      }
    }
    return this.range(verb, end);
  }

  private previousSentenceEndingWithColon(openTok: number): number[] | null {
    const tokens = this.doc.tokens;
    const open = tokens[openTok];
    if (!open) return null;
    const sentence = this.doc.sentences[open.sentence];
    if (!sentence) return null;
    // Only a quote that starts its sentence can be introduced by the one before.
    for (let t = sentence.first; t < openTok; t++) if (!QUOTE_MARK.test(tokens[t]!.text) && tokens[t]!.pos !== 'PUNCT') return null;
    const prev = this.doc.sentences[open.sentence - 1];
    if (!prev) return null;
    const last = tokens[prev.last - 1];
    if (last?.text !== ':') return null;
    const out: number[] = [];
    for (let t = prev.first; t < prev.last; t++) if (!this.quoted[t] && !QUOTE_MARK.test(tokens[t]!.text)) out.push(t);
    return out;
  }

  /** The next quotation of the same speaker: same passage, or a passage that opens with it. */
  private continues(previous: Quotation, q: Quotation): boolean {
    if (q.continuesPrevious) return true;
    if (previous.passage === q.passage) return true;
    if (previous.passage !== q.passage - 1 || previous.close === null) return false;
    // The paragraph before ended with that quote and its cue ("…," Blinken said.), and this one
    // opens with a quote: the same voice goes on.
    const passage = this.doc.passages[q.passage]!;
    const before = this.doc.passages[previous.passage]!;
    return this.doc.original.slice(passage.start, q.open).trim() === '' && before.end - previous.close <= MAX_TRAILING_CUE_CHARS;
  }

  range(first: number, last: number): TextRange {
    const a: Token = this.doc.tokens[first]!;
    const b: Token = this.doc.tokens[last]!;
    return { text: this.doc.original.slice(a.start, b.end), start: a.start, end: b.end };
  }
}
