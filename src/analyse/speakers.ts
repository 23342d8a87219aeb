// From an attribution to an entity: names resolve through the document's entities, pronouns to
// the nearest agreeing person (or organization for "it") outside quotations, descriptions
// ("the ministry", "the minister") to the one entity whose name or role has that head word.
import type { LocalEntity } from './local-entities.ts';
import type { NameMention } from './mentions.ts';
import type { AttributionReader, SpeakerRef } from './quotes/attribution.ts';
import { firstStartingAt } from '../text/ranges.ts';
import type { TokenizedText } from './tokens.ts';
import { GOVERNMENT_HEADS, NEWSPAPER_HEADS } from './vocabulary/names.ts';

/** How far back (in sentences) a pronoun looks for who it stands for. */
const PRONOUN_REACH_SENTENCES = 5;
/** How far back (in characters) "the ministry" looks for the organization it stands for. */
const DESCRIPTION_REACH_CHARS = 20_000;

export interface ResolvedSpeaker {
  entity: number | null;
  /** As printed when there is no entity ("a senior official"), else null. */
  printed: string | null;
  span: { start: number; end: number } | null;
}

export class SpeakerResolver {
  constructor(
    private readonly doc: TokenizedText,
    private readonly mentions: NameMention[],
    private readonly entities: LocalEntity[],
    private readonly entityOf: (number | null)[],
    private readonly reader: AttributionReader,
    /** The transcript speaker of a token's passage, for "I" and "we" inside a turn. */
    private readonly turnSpeakerAt: (token: number) => number | null,
  ) {}

  resolve(ref: SpeakerRef, previous: ResolvedSpeaker | null): ResolvedSpeaker {
    switch (ref.kind) {
      case 'mention': {
        const m = this.mentions[ref.mention]!;
        return { entity: this.entityOf[ref.mention] ?? null, printed: null, span: { start: m.start, end: m.end } };
      }
      case 'previous':
        return previous ?? { entity: null, printed: null, span: null };
      case 'pronoun': {
        const token = this.doc.tokens[ref.token]!;
        const span = { start: token.start, end: token.end };
        if (ref.agreement === 'self') return { entity: this.turnSpeakerAt(ref.token), printed: null, span };
        if (ref.agreement === 'group') return { entity: null, printed: null, span };
        return { entity: this.antecedent(ref.token, ref.agreement), printed: null, span };
      }
      case 'phrase': {
        const entity = this.describedEntity(ref.head, ref.range.text, ref.range.start);
        return { entity, printed: entity === null ? ref.range.text : null, span: { start: ref.range.start, end: ref.range.end } };
      }
    }
  }

  private sentenceOf(mention: number): number {
    const m = this.mentions[mention]!;
    return m.firstToken < 0 ? -1 : (this.doc.tokens[m.firstToken]?.sentence ?? -1);
  }

  private antecedent(pronoun: number, agreement: 'male' | 'female' | 'thing'): number | null {
    const tokens = this.doc.tokens;
    const sentence = tokens[pronoun]!.sentence;
    const wanted = agreement === 'thing' ? 'organization' : 'person';
    let best: { sentence: number; mention: number } | null = null;
    // Mentions are in text order: start PRONOUN_REACH_SENTENCES back, stop at the pronoun.
    const from = firstStartingAt(this.mentions, tokens[this.doc.sentences[Math.max(0, sentence - PRONOUN_REACH_SENTENCES)]?.first ?? 0]?.start ?? 0);
    for (let i = from; i < this.mentions.length; i++) {
      const m = this.mentions[i]!;
      if (m.start >= tokens[pronoun]!.start) break;
      if (m.lastToken < 0 || m.lastToken >= pronoun) continue;
      const at = tokens[m.firstToken]!.sentence;
      if (sentence - at > PRONOUN_REACH_SENTENCES || this.reader.isQuoted(m.firstToken)) continue;
      const e = this.entityOf[i];
      if (e === null || e === undefined) continue;
      const entity = this.entities[e]!;
      // Only names something in the document vouches for ("Closing it, he said" is no person).
      if (entity.type !== wanted || (!entity.confirmed && m.parts.length < 2)) continue;
      if (agreement !== 'thing' && entity.gender !== null && entity.gender !== agreement) continue;
      // The nearest sentence wins; within it, the leftmost (subject) mention.
      if (!best || at > best.sentence) best = { sentence: at, mention: i };
    }
    return best ? (this.entityOf[best.mention] ?? null) : null;
  }

  /**
   * "the ministry", "the company", "the governor": the entity last mentioned before `at` whose
   * name has that head word, whose kind fits the class noun, or whose role has it.
   */
  private describedEntity(head: string, printed: string, at: number): number | null {
    // Only definite descriptions point back: "the ministry", not "a ministry" or "officials".
    if (!/^(?:the|its|his|her|their)\s/i.test(printed) && !/^\p{Lu}/u.test(printed)) return null;
    const orgClass = ORGANIZATION_CLASS_NOUNS.get(head);
    // "Kiptanui's ministry": the organization named in the owner's title ("Treasury Cabinet
    // Secretary" → National Treasury). "China's foreign ministry" names no entity of its own.
    const possessor = POSSESSOR.exec(printed);
    let ownerWords: Set<string> | null = null;
    const ownerSentences = new Set<number>();
    if (possessor) {
      const owner = this.mentions.findIndex((m) => m.start === at);
      const e = owner >= 0 ? this.entityOf[owner] : null;
      const entity = e === null || e === undefined ? null : this.entities[e]!;
      if (entity?.type !== 'person') return null;
      ownerWords = new Set(
        entity.roles.flatMap((r) =>
          r.text
            .split(/\s+/)
            .filter((w) => /^\p{Lu}/u.test(w))
            .map((w) => w.toLowerCase()),
        ),
      );
      // …or named beside the owner ("the National Treasury, which Elias Kiptanui has led").
      for (const k of entity.members) if (k !== owner) ownerSentences.add(this.sentenceOf(k));
    }
    const fits = (e: LocalEntity): boolean => {
      if (!e.confirmed) return false;
      if (e.type === 'organization') {
        const words = this.mentions[e.members[0]!]!.text.toLowerCase().split(/\s+/);
        if (ownerWords) return words.some((w) => ownerWords!.has(w)) || e.members.some((k) => ownerSentences.has(this.sentenceOf(k)));
        return words.includes(head) || orgClass?.(words) === true;
      }
      return (
        !ownerWords &&
        e.type === 'person' &&
        e.roles.some((r) =>
          r.text
            .toLowerCase()
            .split(/[\s-]+/)
            .includes(head),
        )
      );
    };
    let best: number | null = null;
    let bestStart = -1;
    const fitted = new Map<number, boolean>();
    // The nearest fitting mention before the description, within a bounded stretch of text.
    for (let i = firstStartingAt(this.mentions, at - DESCRIPTION_REACH_CHARS); i < this.mentions.length; i++) {
      const m = this.mentions[i]!;
      if (m.start >= at) break;
      const e = this.entityOf[i];
      if (e === null || e === undefined || m.start < bestStart) continue;
      // An entity fits or not whichever of its mentions is looked at: decide once.
      let fitting = fitted.get(e);
      if (fitting === undefined) fitted.set(e, (fitting = fits(this.entities[e]!)));
      if (!fitting) continue;
      best = e;
      bestStart = m.start;
    }
    return best;
  }
}

const POSSESSOR = /^\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)*['\u2019]s\s/u;
const lowerCased = (words: Set<string>): Set<string> => new Set([...words].map((w) => w.toLowerCase()));
const NEWSPAPER_WORDS = lowerCased(NEWSPAPER_HEADS);
const GOVERNMENT_WORDS = lowerCased(GOVERNMENT_HEADS);

/** Class nouns that stand for a kind of organization: "the company", "the newspaper". */
const ORGANIZATION_CLASS_NOUNS: ReadonlyMap<string, (words: string[]) => boolean> = new Map([
  ...['company', 'firm', 'operator', 'carrier', 'group', 'contractor', 'lender', 'manufacturer', 'airline', 'railway', 'utility', 'bank', 'insurer', 'developer'].map(
    (noun) => [noun, (w: string[]) => !w.some((x) => NEWSPAPER_WORDS.has(x) || GOVERNMENT_WORDS.has(x))] as const,
  ),
  ...['newspaper', 'paper', 'daily', 'outlet', 'publication', 'broadcaster', 'agency', 'editorial'].map(
    (noun) => [noun, (w: string[]) => w.some((x) => NEWSPAPER_WORDS.has(x) || x === 'agency')] as const,
  ),
  ...['government', 'authority', 'regulator'].map((noun) => [noun, (w: string[]) => w.some((x) => GOVERNMENT_WORDS.has(x))] as const),
]);
