// Rules that take blocks out of Readability's article: captions, share bars, teasers, byline
// and date lines, ads and site furniture. Each rule uses general line features (hints of the
// enclosing elements, link share, length, wording) — nothing about a particular site.
import type { RemovedKind } from '../../schema.ts';
import { Hint } from './hints.ts';

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

const CREDIT_TAIL_RE = /(?:\b(?:credit|credits|photo|photograph|image|picture|foto|source)s?\s*:\s*[^.!?]{1,80}|\((?:AP|Reuters|AFP|Getty)[^)]{0,60}\))\s*$/i;
const CREDIT_AGENCY_RE = /(?:getty images|associated press|\bap photo\b|reuters|afp|shutterstock|istock|epa)\b[^.!?]{0,40}$/i;
const GALLERY_RE = /^(?:image|photo|slide|picture)\s*\d+\s*(?:of|\/)\s*\d*\s*$/i;
const SHARE_WORDS_RE = /^(?:(?:share|tweet|email|e-mail|facebook|twitter|whatsapp|pinterest|pint|linkedin|reddit|print|copy|link|pin|comments?|save|messenger|flipboard|sms|baixar|this|article|on|via)\b[\s|,/·•]*)+$/i;
const TEASER_LEAD_RE = /^(?:related(?: posts?| stories| articles| content| coverage)?|read more|more|see also|also read|also see|recommended|read next|up next|you may also like|you might also like|most popular|most read|trending|more from|more on this|watch|listen)\b[^.!?]{0,100}:?$/i;
const TEASER_PREFIX_RE = /^(?:related(?: post| story| article)?|read more|read also|also read|see also|more|on [\w.]+\.(?:com|co\.uk|org|net))\s*:/i;
const BYLINE_RE = /^(?:by|von|par|por|door|di)\s+\p{Lu}/u;
const DATE_LEAD_RE = /^(?:last\s+)?(?:updated|published|posted|modified|first published)\b/i;
const DATE_LINE_RE = /\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i;
/** A link whose text is an address is a reference the article gives, not a teaser. */
const URL_TEXT_RE = /^(?:https?:\/\/|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+(?:\/\S*)?$/i;
const AD_LABEL_RE = /^(?:advertisement|advertising|advert|ad|sponsored(?: content)?|story continues below(?: advertisement)?|continue reading(?: below)?|article continues below|scroll to continue)\W*$/i;
const SUBSCRIBE_RE = /\b(?:subscribe (?:to|for) (?:our|the)|sign up (?:to|for) (?:our|the)|our newsletters?|newsletters?\b.*\binbox|follow (?:us|him|her|them) on|download (?:our|the) app|get the latest)\b/i;

const has = (flags: number, hint: number): boolean => (flags & hint) !== 0;

export const FILTER_RULES: FilterRule[] = [
  {
    name: 'title',
    test: (b) => (b.isTitle ? { kind: 'metadata', reason: 'the headline, kept in meta.title' } : null),
  },
  {
    name: 'caption-element',
    test: (b) =>
      has(b.flags, Hint.CAPTION) && b.words <= SHORT_LINE_WORDS * 2
        ? { kind: 'caption', reason: 'inside a figure or caption element' }
        : null,
  },
  {
    name: 'caption-credit',
    test: (b) =>
      b.words <= SHORT_LINE_WORDS * 2 && (CREDIT_TAIL_RE.test(b.text) || (b.words <= LABEL_MAX_WORDS * 2 && CREDIT_AGENCY_RE.test(b.text)))
        ? { kind: 'caption', reason: 'ends with a photo credit' }
        : null,
  },
  {
    name: 'gallery-counter',
    test: (b) => (GALLERY_RE.test(b.text) ? { kind: 'caption', reason: 'gallery counter' } : null),
  },
  {
    name: 'share',
    test: (b) =>
      (has(b.flags, Hint.SHARE) && b.words <= SHORT_LINE_WORDS) || (b.words <= LABEL_MAX_WORDS * 2 && SHARE_WORDS_RE.test(b.text))
        ? { kind: 'share', reason: 'share or follow controls' }
        : null,
  },
  {
    name: 'teaser-element',
    test: (b) =>
      has(b.flags, Hint.TEASER) && b.words <= SHORT_LINE_WORDS
        ? { kind: 'teaser', reason: 'inside a related-stories element' }
        : null,
  },
  {
    name: 'teaser-text',
    test: (b) =>
      b.words <= TEASER_MAX_WORDS && (TEASER_PREFIX_RE.test(b.text) || (b.words <= LABEL_MAX_WORDS && TEASER_LEAD_RE.test(b.text)))
        ? { kind: 'teaser', reason: 'a "related"/"read more" line' }
        : null,
  },
  {
    name: 'teaser-links',
    test: (b) =>
      b.linkShare >= LINK_ONLY_SHARE && b.words <= TEASER_MAX_WORDS && !URL_TEXT_RE.test(b.text)
        ? { kind: 'teaser', reason: 'a line that is only a link' }
        : null,
  },
  {
    name: 'byline',
    test: (b) =>
      b.words <= SHORT_LINE_WORDS && (has(b.flags, Hint.BYLINE) || (BYLINE_RE.test(b.text) && b.words <= LABEL_MAX_WORDS * 2))
        ? { kind: 'metadata', reason: 'byline or date line' }
        : null,
  },
  {
    name: 'date-line',
    test: (b) =>
      b.words <= LABEL_MAX_WORDS * 2 &&
      (DATE_LEAD_RE.test(b.text) || (DATE_LINE_RE.test(b.text) && b.words <= LABEL_MAX_WORDS)) &&
      // Embedded posts end with "— Name (@handle) date"; that attribution is part of the quote.
      !/^[—–-]|\(@/.test(b.text) &&
      !/[.!?]["”’)]?$/.test(b.text)
        ? { kind: 'metadata', reason: 'date or time line' }
        : null,
  },
  {
    name: 'ad-label',
    test: (b) =>
      AD_LABEL_RE.test(b.text) || (has(b.flags, Hint.AD) && b.words <= LABEL_MAX_WORDS)
        ? { kind: 'boilerplate', reason: 'advertisement label' }
        : null,
  },
  {
    name: 'subscribe',
    test: (b) =>
      b.words <= SHORT_LINE_WORDS && SUBSCRIBE_RE.test(b.text) ? { kind: 'share', reason: 'subscribe/follow prompt' } : null,
  },
  {
    name: 'furniture',
    test: (b) =>
      has(b.flags, Hint.NAV | Hint.FOOTER | Hint.CONTROL | Hint.COMMENTS) && b.words <= SHORT_LINE_WORDS
        ? { kind: 'boilerplate', reason: 'navigation, footer or form element' }
        : null,
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
