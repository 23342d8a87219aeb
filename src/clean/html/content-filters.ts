// Rules that take blocks out of Readability's article: captions, share bars, teasers, byline
// and date lines, ads and site furniture. Each rule uses general line features (hints of the
// enclosing elements, link share, length, wording) — nothing about a particular site.
import type { RemovedKind } from '../../schema.ts';
import { Hint } from './hints.ts';
import {
  AD_LABEL,
  ADDRESS_TEXT,
  AGENCY_CREDIT_TAIL,
  BYLINE_OPENING,
  CREDIT_TAIL,
  DATE_LABEL,
  DATE_OR_TIME,
  GALLERY_COUNTER,
  SHARE_WORDS_ONLY,
  SUBSCRIBE_LINE,
  TEASER_LABEL,
  TEASER_PREFIX,
} from '../cues.ts';

export interface BlockView {
  text: string;
  words: number;
  /** Hint flags shared by every segment of the block (from enclosing elements). */
  flags: number;
  /** Share of the block's characters that sit inside links. */
  linkShare: number;
  /** Whether the block equals the page's headline. */
  isTitle: boolean;
}

export interface Verdict {
  kind: RemovedKind;
  reason: string;
}

export interface FilterRule {
  name: string;
  test(b: BlockView): Verdict | null;
}

/** A caption, byline or share line is short; past this it is prose that merely sits nearby. */
const SHORT_LINE_WORDS = 30;
/** Link-only lines up to this length read as teasers for other stories. */
const TEASER_MAX_WORDS = 25;
/** Share of link text from which a line counts as link-only. */
const LINK_ONLY_SHARE = 0.9;
/** Lines of at most this many words can be labels ("Advertisement", "Share"). */
const LABEL_MAX_WORDS = 6;

const has = (flags: number, hint: number): boolean => (flags & hint) !== 0;

export const FILTER_RULES: FilterRule[] = [
  {
    name: 'title',
    test: (b) => (b.isTitle ? { kind: 'metadata', reason: 'the headline, kept in meta.title' } : null),
  },
  {
    name: 'caption-element',
    test: (b) => (has(b.flags, Hint.CAPTION) && b.words <= SHORT_LINE_WORDS * 2 ? { kind: 'caption', reason: 'inside a figure or caption element' } : null),
  },
  {
    name: 'caption-credit',
    test: (b) =>
      b.words <= SHORT_LINE_WORDS * 2 && (CREDIT_TAIL.test(b.text) || (b.words <= LABEL_MAX_WORDS * 2 && AGENCY_CREDIT_TAIL.test(b.text)))
        ? { kind: 'caption', reason: 'ends with a photo credit' }
        : null,
  },
  {
    name: 'gallery-counter',
    test: (b) => (GALLERY_COUNTER.test(b.text) ? { kind: 'caption', reason: 'gallery counter' } : null),
  },
  {
    name: 'share',
    test: (b) =>
      (has(b.flags, Hint.SHARE) && b.words <= SHORT_LINE_WORDS) || (b.words <= LABEL_MAX_WORDS * 2 && SHARE_WORDS_ONLY.test(b.text)) ? { kind: 'share', reason: 'share or follow controls' } : null,
  },
  {
    name: 'teaser-element',
    test: (b) => (has(b.flags, Hint.TEASER) && b.words <= SHORT_LINE_WORDS ? { kind: 'teaser', reason: 'inside a related-stories element' } : null),
  },
  {
    name: 'teaser-text',
    test: (b) =>
      b.words <= TEASER_MAX_WORDS && (TEASER_PREFIX.test(b.text) || (b.words <= LABEL_MAX_WORDS && TEASER_LABEL.test(b.text))) ? { kind: 'teaser', reason: 'a "related"/"read more" line' } : null,
  },
  {
    name: 'teaser-links',
    test: (b) => (b.linkShare >= LINK_ONLY_SHARE && b.words <= TEASER_MAX_WORDS && !ADDRESS_TEXT.test(b.text) ? { kind: 'teaser', reason: 'a line that is only a link' } : null),
  },
  {
    name: 'byline',
    test: (b) =>
      b.words <= SHORT_LINE_WORDS && (has(b.flags, Hint.BYLINE) || (BYLINE_OPENING.test(b.text) && b.words <= LABEL_MAX_WORDS * 2)) ? { kind: 'metadata', reason: 'byline or date line' } : null,
  },
  {
    name: 'date-line',
    test: (b) =>
      b.words <= LABEL_MAX_WORDS * 2 &&
      (DATE_LABEL.test(b.text) || (DATE_OR_TIME.test(b.text) && b.words <= LABEL_MAX_WORDS)) &&
      // Embedded posts end with "— Name (@handle) date"; that attribution is part of the quote.
      !/^[—–-]|\(@/.test(b.text) &&
      !/[.!?]["”’)]?$/.test(b.text)
        ? { kind: 'metadata', reason: 'date or time line' }
        : null,
  },
  {
    name: 'ad-label',
    test: (b) => (AD_LABEL.test(b.text) || (has(b.flags, Hint.AD) && b.words <= LABEL_MAX_WORDS) ? { kind: 'boilerplate', reason: 'advertisement label' } : null),
  },
  {
    name: 'subscribe',
    test: (b) => (b.words <= SHORT_LINE_WORDS && SUBSCRIBE_LINE.test(b.text) ? { kind: 'share', reason: 'subscribe/follow prompt' } : null),
  },
  {
    name: 'furniture',
    test: (b) => (has(b.flags, Hint.NAV | Hint.FOOTER | Hint.CONTROL | Hint.COMMENTS) && b.words <= SHORT_LINE_WORDS ? { kind: 'boilerplate', reason: 'navigation, footer or form element' } : null),
  },
];

/** The first rule that rejects the block, or null to keep it. `skip` disables rules by name. */
export function judgeBlock(b: BlockView, skip?: ReadonlySet<string>): (Verdict & { rule: string }) | null {
  for (const rule of FILTER_RULES) {
    if (skip?.has(rule.name)) continue;
    const v = rule.test(b);
    if (v) return { ...v, rule: rule.name };
  }
  return null;
}
