// The shared wink-nlp instance and one reading of each passage. Loading the model costs ~100 ms,
// so it is made once, lazily. The cleaner reads each paragraph for its sentences and the
// analysis reads the same paragraph again for tags and lemmas: the reading is kept for a while,
// so the analysis of the document just cleaned takes it instead of running wink a second time.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type WinkNLP = ReturnType<typeof winkNLP>;
let tagged: WinkNLP | undefined;

/** Sentences plus part-of-speech tags and lemmas. Its sentence splits are the sbd-only pipeline's (tagging runs after them). */
export function taggingNlp(): WinkNLP {
  tagged ??= winkNLP(model, ['sbd', 'pos']);
  return tagged;
}

/** One passage as wink read it; offsets, tags and lemmas are worked out only when asked for. */
export interface PassageReading {
  /** Token texts, verbatim. */
  values: string[];
  /** Where each token stands in the passage. */
  offsets(): { start: number; end: number }[];
  /** Each sentence's first and last token index (inclusive). */
  sentences: [number, number][];
  tags(): string[];
  lemmas(): string[];
}

/** Readings kept for reuse, oldest first; at most this many characters of passage text (a few hundred articles). */
const REMEMBERED_CHARACTERS = 1_000_000;
/**
 * A document's readings that its analysis has not asked for yet and that the shared cache let go
 * (a report over REMEMBERED_CHARACTERS, or many cleaned before the first is analysed). wink reads
 * a passage differently the second time (what it learnt of unknown words changes some tags), so a
 * passage read again would make a long report's analysis differ from a short one's. Held without
 * wink's document: half the memory, and it goes with the document it belongs to.
 */
export type HeldReadings = Map<string, PassageReading>;
const remembered = new Map<string, { reading: PassageReading; held: HeldReadings | undefined }>();
let rememberedCharacters = 0;

/**
 * wink's reading of `text`. The analysis asks for the passages the cleaner read just before, so
 * a reading is kept until it is asked for a second time, or until newer readings push it out
 * (the `clean` command never asks again). A reading pushed out goes to `held`, the readings of
 * the document being read, when there is one; a passage missed is read again.
 */
export function readPassage(text: string, held?: HeldReadings): PassageReading {
  const kept = remembered.get(text);
  if (kept) {
    remembered.delete(text);
    rememberedCharacters -= text.length;
    return kept.reading;
  }
  const wasHeld = held?.get(text);
  if (wasHeld) {
    held!.delete(text);
    return wasHeld;
  }
  const reading = read(text);
  remembered.set(text, { reading, held });
  rememberedCharacters += text.length;
  for (const [old, entry] of remembered) {
    if (rememberedCharacters <= REMEMBERED_CHARACTERS) break;
    remembered.delete(old);
    rememberedCharacters -= old.length;
    entry.held?.set(old, withoutDoc(old, entry.reading));
  }
  return reading;
}

/** The readings each document's cleaning holds for its analysis (see HeldReadings). */
const heldByDocument = new WeakMap<object, HeldReadings>();

export function holdReadings(doc: object, held: HeldReadings): void {
  heldByDocument.set(doc, held);
}

/** The readings held for `doc`, handed over once: after its analysis nothing asks for them. */
export function takeHeldReadings(doc: object): HeldReadings | undefined {
  const held = heldByDocument.get(doc);
  heldByDocument.delete(doc);
  return held;
}

/** The same reading with its tags and lemmas taken out of wink's document, which it lets go. */
function withoutDoc(text: string, reading: PassageReading): PassageReading {
  const { values, sentences } = reading;
  const tags = reading.tags();
  const lemmas = reading.lemmas();
  // Offsets are found again when asked for: an object per token is more than the text they index.
  let offsets: { start: number; end: number }[] | undefined;
  return { values, sentences, offsets: () => (offsets ??= tokenOffsets(text, values)), tags: () => tags, lemmas: () => lemmas };
}

/**
 * wink's tokenizer runs regexes over each run of non-space characters, some of them quadratic in
 * its length (its e-mail pattern takes 4 s on 40,000 hyphens, a minute on 100,000 digits). A run
 * longer than this (far past any word or ordinary URL) is read in pieces of this length. Tokens
 * stay verbatim substrings, so their offsets are found in the original text as before.
 */
export const MAX_RUN_CHARS = 200;

/** `text` with a space between the pieces of every run of non-space longer than MAX_RUN_CHARS. */
export function breakLongRuns(text: string): string {
  let out = '';
  let copied = 0;
  for (const run of text.matchAll(/\S+/g)) {
    if (run[0].length <= MAX_RUN_CHARS) continue;
    out += text.slice(copied, run.index);
    for (let k = 0; k < run[0].length; k += MAX_RUN_CHARS) out += (k ? ' ' : '') + run[0].slice(k, k + MAX_RUN_CHARS);
    copied = run.index + run[0].length;
  }
  return copied ? out + text.slice(copied) : text;
}

function read(text: string): PassageReading {
  const nlp = taggingNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(breakLongRuns(text));
  const sentences: [number, number][] = [];
  // biome-ignore lint/suspicious/noExplicitAny: wink-nlp's item types are not exported.
  doc.sentences().each((sentence: any) => {
    sentences.push(sentence.out(its.span) as [number, number]);
  });
  const values = doc.tokens().out(its.value) as string[];
  let offsets: { start: number; end: number }[] | undefined;
  let tags: string[] | undefined;
  let lemmas: string[] | undefined;
  return {
    values,
    offsets: () => (offsets ??= tokenOffsets(text, values)),
    sentences,
    tags: () => (tags ??= doc.tokens().out(its.pos) as string[]),
    // biome-ignore lint/suspicious/noExplicitAny: its.lemma is missing from wink-nlp's type of its.
    lemmas: () => (lemmas ??= doc.tokens().out(its.lemma as any) as string[]),
  };
}

/**
 * Where each token stands in `text`. wink keeps token text verbatim, so indexOf from a cursor
 * recovers offsets exactly even where it normalised the whitespace between tokens.
 */
export function tokenOffsets(text: string, values: readonly string[]): { start: number; end: number }[] {
  let cursor = 0;
  return values.map((value) => {
    let at = text.indexOf(value, cursor);
    if (at < 0) at = cursor; // defensive: never seen, but offsets must stay monotonic
    cursor = at + value.length;
    return { start: at, end: at + value.length };
  });
}
