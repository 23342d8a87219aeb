// Names in running text, built from wink-nlp's tokens: runs of capitalised words, split into a
// title ("Foreign Minister") and a name ("Wang Yi"), with the evidence that types them.
// No NER model is available on npm, so the evidence is vocabulary and position, stated here.
import type { EntityType } from '../schema.ts';
import type { Token, TokenizedText } from './tokens.ts';
import { givenNameGender, type Gender } from './vocabulary/given-names.ts';
import { CALENDAR_WORDS, GOVERNMENT_HEADS, MEDIA_ORGANIZATIONS, NON_ENTITY_HEADS, NOT_NAMES, ORGANIZATION_HEADS, PLACE_HEADS } from './vocabulary/names.ts';
import { countryOfAdjective, isPlaceName, shoutedPlace } from './vocabulary/places.ts';
import { TITLE_GENDER, TITLE_HEADS, TITLE_LINKS, TITLE_MODIFIERS } from './vocabulary/titles.ts';

export interface TextRange {
  text: string;
  start: number;
  end: number;
}

export interface NameMention extends TextRange {
  /** The name's words as printed, initials dropped ("Antony J. Blinken" → Antony, Blinken). */
  parts: string[];
  /** What the words alone say it is; null when only context can tell (a bare "Brandt"). */
  type: EntityType | null;
  /** A title printed with the name, e.g. "Secretary of State". */
  title: TextRange | null;
  gender: Gender | null;
  /** Token indices of the name's first and last words. */
  firstToken: number;
  lastToken: number;
  /** First token of the run including its title. */
  runStart: number;
  /** The first word is a known given name (a weak sign of a person). */
  givenName: boolean;
  /** From a transcript speaker label. */
  label: boolean;
}

const LOWER_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'de', 'van', 'von', 'da', 'di', 'du', 'le', 'la', 'del', 'della', 'der', 'dos', 'das', 'ter', 'den', 'y']);
/** "Hong Kong-based", "Kenya-born": a name with a hyphenated modifier ends before the hyphen. */
const COMPOUND_SUFFIXES = new Set([
  'based',
  'born',
  'led',
  'backed',
  'owned',
  'run',
  'made',
  'style',
  'era',
  'bound',
  'linked',
  'funded',
  'controlled',
  'registered',
  'listed',
  'level',
  'wide',
  'area',
  'related',
  'friendly',
  'focused',
  'built',
  'sponsored',
  'allied',
  'aligned',
  'bred',
  'held',
  'occupied',
  'educated',
  'trained',
]);
/**
 * A capitalised run longer than this many tokens is headline or shouted text, not a name (the
 * longest real ones, "Ministry of Foreign Affairs of the People's Republic of China", take 12);
 * left unsplit, a page of capitals would be one name of thousands of parts, and matching name
 * parts is quadratic in their number.
 */
const MAX_RUN_TOKENS = 24;
/** Party words that describe a politician ("Democrat Jerry Nadler", "Utah Republican"). */
const PARTY_WORDS = new Set(['Democrat', 'Democratic', 'Republican', 'GOP', 'Independent', 'Labour', 'Conservative', 'Tory', 'Liberal']);
const POSSESSIVE = /^['\u2019]s?$/;
const INITIAL = /^\p{Lu}\.?$/u;
const ACRONYM = /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}&]{1,6}$/u;

/** Starts with an upper-case letter (an ASCII first character is decided without a regex). */
function capitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return /^\p{Lu}/u.test(text) && /\p{L}/u.test(text);
}

function sentenceInitial(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  if (!prev || prev.sentence !== t.sentence) return true;
  // A straight quote glued to the word before and spaced from this one closes a quotation
  // ('…comfort," Lynch said'): the capital after it is a name's, as after "\u201d".
  const beforeQuote = tokens[i - 2];
  if (prev.text === '"' && beforeQuote && beforeQuote.sentence === t.sentence && beforeQuote.end === prev.start && prev.end < t.start) return false;
  // After an opening quote, a dash or a colon a capital says nothing about names.
  return /^["\u201c\u2018(\u2014:\u2013-]$/.test(prev.text);
}

function nameWord(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!capitalised(t.text) || NOT_NAMES.has(t.text)) return false;
  if (t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'AUX') return false;
  if (sentenceInitial(tokens, i) && t.pos !== 'PROPN') return false;
  return true;
}

/** May the run continue through this lower-case word? ("Bank of England", "Secretary of State"). */
function linkWord(tokens: Token[], i: number, runStart: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  if (!next || !prev || next.sentence !== t.sentence || !capitalised(next.text)) return false;
  if (LOWER_PARTICLES.has(t.text)) return true;
  if (t.text === '&') return true;
  // "People's Republic of China", "People's Liberation Army", "People's Daily".
  if (POSSESSIVE.test(t.text) && prev.text === 'People' && t.start === prev.end) return true;
  if (t.text === 'of' || t.text === 'for')
    return (
      ORGANIZATION_HEADS.has(prev.text) ||
      TITLE_HEADS.has(prev.text) ||
      TITLE_MODIFIERS.has(prev.text) ||
      PLACE_HEADS.has(prev.text) ||
      /^(?:Republic|Kingdom|States|Emirates|Institute|University|Museum)$/.test(prev.text)
    );
  if (t.text === 'the') return prev.text === 'of' || prev.text === 'for';
  if (t.text === 'and') return andWithinName(tokens, i, runStart);
  return false;
}

/** Heads a name of the form "the X and Y <head>" ends in: "the Food and Drug Administration". */
const CONJOINED_NAME_HEADS = new Set([
  ...GOVERNMENT_HEADS,
  ...'Services Service Enforcement Protection Prevention Development Committee Board Foundation Institute Association Organization Organisation Corporation Company Bank Fund Union Society Alliance Federation'.split(
    ' ',
  ),
]);
/** Bodies that are named alone: after "and" they start a name of their own ("the Justice Department and Congress"). */
const STANDALONE_BODIES = new Set(['Congress', 'Parliament', 'Senate', 'House', 'Pentagon', 'Kremlin', 'Cabinet', 'Government', 'Police', 'Army', 'Navy']);
/** Heads that, capitalised alone, name one institution of the story's country ("Congress voted"), unlike "the Ministry". */
const NAMED_ALONE = new Set(['Congress', 'Senate', 'Parliament', 'Treasury']);

/**
 * Whether "and" at `i` joins one name rather than two: a country so named ("Bosnia and
 * Herzegovina"), "the X and Y Administration" (a head after a modifier: "the Securities and
 * Exchange Commission"), or the rest of "Department of Health and Human Services" (a head with
 * "of" or "for" before it, and after "and" no name of its own: no acronym, body, place or given name).
 */
function andWithinName(tokens: Token[], i: number, runStart: number): boolean {
  let last = i;
  while (last + 1 < tokens.length && tokens[last + 1]!.sentence === tokens[i]!.sentence && capitalised(tokens[last + 1]!.text) && last - i < 4) last++;
  if (last === i) return false;
  const before = tokens.slice(runStart, i).map((t) => t.text);
  const after = tokens.slice(i + 1, last + 1).map((t) => t.text);
  if (isPlaceName(`${before.join(' ')} and ${after.join(' ')}`)) return true;
  const first = after[0]!;
  if (ACRONYM.test(first) || STANDALONE_BODIES.has(first) || TITLE_HEADS.has(first) || isPlaceName(first) || givenNameGender(first) !== null) return false;
  // A second full name follows: "… of Black Journalists and National Association of …".
  if (after.some((w) => ORGANIZATION_HEADS.has(w)) && /^(?:of|for)$/.test(tokens[last + 1]?.text ?? '')) return false;
  const afterThe = tokens[runStart - 1]?.text.toLowerCase() === 'the';
  // "the FBI and Justice Department", "the U.S. and European Union": two names.
  const nameBefore = before.every((w) => ACRONYM.test(w) || /\./.test(w)) || isPlaceName(before.join(' '));
  if (afterThe && !nameBefore && after.length >= 2 && CONJOINED_NAME_HEADS.has(after[after.length - 1]!) && !before.some((w) => ORGANIZATION_HEADS.has(w))) return true;
  const link = before.findIndex((w, k) => ORGANIZATION_HEADS.has(w) && (before[k + 1] === 'of' || before[k + 1] === 'for'));
  if (link < 0) return false;
  // "University of Chicago and …" goes on only as a second place ("Port Authority of New York and New Jersey").
  return !isPlaceName(before.slice(link + 2).join(' '));
}

/** Every capitalised run, split into title and name, with its type evidence. */
export function findNameMentions(doc: TokenizedText): NameMention[] {
  const { tokens } = doc;
  const mentions: NameMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!nameWord(tokens, i)) {
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < tokens.length && tokens[end + 1]!.sentence === tokens[i]!.sentence) {
      const j = end + 1;
      if (/^[-\u2010]$/.test(tokens[j]!.text)) {
        // "Ji-hoon", "Al-Sisi": a hyphen with no space on either side joins the next word.
        const next = tokens[j + 1];
        if (tokens[j]!.start === tokens[end]!.end && next && next.start === tokens[j]!.end && /^\p{L}/u.test(next.text) && !COMPOUND_SUFFIXES.has(next.text.toLowerCase())) {
          end = j + 1;
          continue;
        }
        break;
      }
      // Inside a run a capital counts even where a run could not start (sentence-initial, DET).
      if (capitalised(tokens[j]!.text) && !NOT_NAMES.has(tokens[j]!.text) && tokens[j]!.pos !== 'PRON') end = j;
      else if (linkWord(tokens, j, i)) end = j;
      else break;
    }
    // Links never end a run ("Bank of" → "Bank").
    while (end > i && (TITLE_LINKS.has(tokens[end]!.text) || LOWER_PARTICLES.has(tokens[end]!.text) || POSSESSIVE.test(tokens[end]!.text))) end--;
    const mention = end - i < MAX_RUN_TOKENS ? splitRun(doc, i, end) : null;
    if (mention) mentions.push(mention);
    i = end + 1;
  }
  return mentions;
}

function splitRun(doc: TokenizedText, first: number, last: number): NameMention | null {
  const { tokens, original } = doc;
  let nameStart = first;
  let title: TextRange | null = null;
  let gender: Gender | null = null;
  let lastHead = -1;
  for (let k = first; k < last; k++) {
    const w = tokens[k]!.text;
    if (TITLE_HEADS.has(w)) lastHead = k;
    else if (TITLE_MODIFIERS.has(w) || TITLE_LINKS.has(w) || countryOfAdjective(w) || isPlaceName(w)) continue;
    else break;
  }
  if (lastHead >= 0) {
    let rest = lastHead + 1;
    while (rest <= last && TITLE_LINKS.has(tokens[rest]!.text)) rest++;
    // "Secretary of State Antony Blinken": modifiers after the head belong to the title.
    while (rest < last && TITLE_MODIFIERS.has(tokens[rest]!.text) && tokens[rest - 1] && TITLE_LINKS.has(tokens[rest - 1]!.text)) rest++;
    if (rest > last) return null; // a title alone ("the Foreign Minister")
    // Organizations keep their titles: "General Motors", "Office of the President".
    if (!tokens.slice(rest, last + 1).some((w) => ORGANIZATION_HEADS.has(w.text))) {
      nameStart = rest;
      const head = tokens[first]!;
      const tail = tokens[nameStart - 1]!;
      title = { text: original.slice(head.start, tail.end), start: head.start, end: tail.end };
      for (let k = first; k < nameStart; k++) gender ??= TITLE_GENDER.get(tokens[k]!.text.toLowerCase()) ?? null;
    }
  }
  // "American Antony Blinken": a nationality before a name describes it.
  // Not when the whole is a place so named ("Saudi Arabia", "Czech Republic", "American Samoa").
  if (!title && nameStart < last && countryOfAdjective(tokens[nameStart]!.text) && !isPlaceName(tokens[nameStart]!.text) && !isPlaceName(original.slice(tokens[nameStart]!.start, tokens[last]!.end)))
    nameStart++;
  // "Democrat Jerry Nadler", "Massachusetts Democrat Ed Markey": a party (after a place) before a
  // given name describes the person.
  if (!title) {
    let party = nameStart;
    while (party < last && !PARTY_WORDS.has(tokens[party]!.text)) party++;
    const describes = () => party === nameStart || isPlaceName(original.slice(tokens[nameStart]!.start, tokens[party - 1]!.end));
    if (party < last && givenNameGender(tokens[party + 1]!.text) !== null && describes()) nameStart = party + 1;
  }
  // "Sen. Mitt Romney, Utah Republican, said": a place and a party describe someone named before.
  if (nameStart < last && PARTY_WORDS.has(tokens[last]!.text) && isPlaceName(original.slice(tokens[nameStart]!.start, tokens[last - 1]!.end))) return null;
  let nameEnd = last;
  while (nameStart <= nameEnd && CALENDAR_WORDS.has(tokens[nameStart]!.text)) nameStart++;
  while (nameEnd >= nameStart && CALENDAR_WORDS.has(tokens[nameEnd]!.text)) nameEnd--;
  if (nameStart > nameEnd) return null;
  const nameTokens = tokens.slice(nameStart, nameEnd + 1);
  if (nameTokens.some((t) => NON_ENTITY_HEADS.has(t.text))) return null;
  if (nameTokens.length === 1) {
    const word = nameTokens[0]!.text;
    const article = tokens[nameStart - 1]?.pos === 'DET';
    // "County", "Ministry", "Minister" alone are words, not names. A title alone is a name only
    // where no article stands before it ("Dean said", not "the Dean").
    if (PLACE_HEADS.has(word) || ((ORGANIZATION_HEADS.has(word) || TITLE_MODIFIERS.has(word)) && !NAMED_ALONE.has(word)) || (TITLE_HEADS.has(word) && article)) return null;
    // "Chinese", "American": an adjective of a country, not a name of its own.
    if (countryOfAdjective(word) && !isPlaceName(word)) return null;
  }
  const start = nameTokens[0]!.start;
  const end = nameTokens[nameTokens.length - 1]!.end;
  const text = original.slice(start, end);
  // Parts are the printed words ("Ji-hoon" is one part although wink splits it at the hyphen).
  const words = text.split(/\s+/).filter(Boolean);
  const parts = words.filter((w, k, all) => !(INITIAL.test(w) && all.length > 1 && k > 0 && k < all.length - 1) && !LOWER_PARTICLES.has(w));
  const firstGender = givenNameGender(parts[0] ?? '');
  if (!gender && parts.length > 1 && (firstGender === 'male' || firstGender === 'female')) gender = firstGender;
  return {
    text,
    start,
    end,
    parts,
    type: dateline(tokens, first, nameEnd, text) ? 'place' : (typeByWords(text, nameTokens, title !== null) ?? (afterThe(tokens, first, nameEnd) ? 'organization' : null)),
    title,
    gender,
    firstToken: nameStart,
    lastToken: nameEnd,
    runStart: first,
    givenName: parts.length > 1 && firstGender !== null,
    label: false,
  };
}

/**
 * A dateline: a name in capitals opening its paragraph, then a comma or a dash, is where the
 * story was filed ("LOKARIA, Kenya —", "BERLIN —"), not an acronym's organization.
 */
function dateline(tokens: Token[], runStart: number, nameEnd: number, text: string): boolean {
  const first = tokens[runStart]!;
  if (tokens[runStart - 1]?.passage === first.passage || text !== text.toUpperCase() || !/\p{Lu}{3}/u.test(text)) return false;
  // "LOKARIA, Kenya —", "BERLIN (Reuters) —": the dash or the credit comes within a few words
  // (not "SMITH, host:").
  for (let k = nameEnd + 1; k <= nameEnd + 5 && tokens[k]?.passage === first.passage; k++) {
    const t = tokens[k]!.text;
    if (/^[\u2014\u2013-]$/.test(t) || t === '(') return true;
    if (k === nameEnd + 1 ? t !== ',' : !/^(?:\p{Lu}|[.,])/u.test(t)) return false;
  }
  return false;
}

/**
 * A person's name takes no article: a name with no title right after "the", heading its noun
 * phrase, names a team, a party or a body ("the Red Sox are talking", "the Rangers said", "the
 * Democrats"). Not a name that modifies a noun ("the Feldner government", "the Red Sox general
 * manager"), nor one with a title or a place's name (typed before this is asked).
 */
function afterThe(tokens: Token[], runStart: number, nameEnd: number): boolean {
  const before = tokens[runStart - 1];
  if (!before || before.sentence !== tokens[runStart]!.sentence || before.text.toLowerCase() !== 'the') return false;
  // The tail of a longer name ("the Great Hall of the People").
  if (tokens[runStart - 2]?.text === 'of') return false;
  // Initials and names glued to more ("the U.S.", "the China-U.S. relationship"): a place's short form.
  const last = tokens[nameEnd]!;
  const next = tokens[nameEnd + 1];
  if (tokens.slice(runStart, nameEnd + 1).some((t) => t.text.includes('.'))) return false;
  if (next && next.start === last.end && !/^(?:[,;:!?)]|['\u2019]s?)$/.test(next.text)) return false;
  return !next || next.sentence !== last.sentence || !/^(?:NOUN|PROPN|ADJ|NUM)$/.test(next.pos);
}

function typeByWords(text: string, words: Token[], titled: boolean): EntityType | null {
  if (titled) return 'person';
  // "BERLIN" in a dateline or a headline in capitals is Berlin.
  if (isPlaceName(text) || shoutedPlace(text) !== null) return 'place';
  if (words.some((w) => ORGANIZATION_HEADS.has(w.text)) || MEDIA_ORGANIZATIONS.has(text)) return 'organization';
  if (words.length === 1 && ACRONYM.test(text)) return 'organization';
  if (PLACE_HEADS.has(words[words.length - 1]!.text)) return 'place';
  return null;
}
