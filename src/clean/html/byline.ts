// The byline a page shows in its markup when its metadata names no author: a link marked
// rel="author", microdata itemprop="author" (its itemprop="name" when it has one), an element
// whose class or id says byline or author, or a "By …" line near the top of the page in one of
// several languages. Only what reads as names is kept ("By Ana Ruiz and Tom Bell, Reuters" →
// "Ana Ruiz, Tom Bell"); an author's bio box or a list of other stories is no byline.
import { isHidden } from './visible-text.ts';

/** Words introducing the names in a byline line, by language. */
const BY_WORDS = /^(?:by|from|por|par|von|di|door|av|af|przez|autor(?:a|in)?:?|author:?|written by|reporting by|text:)\s+/i;
/** A byline element longer than this is a bio or a teaser, not a byline. */
const MAX_BYLINE_CHARS = 120;
/** Names a byline is split into at most. */
const MAX_NAMES = 6;
/** The page's first this many characters of visible text are where a "By …" line stands. */
const BY_LINE_WITHIN = 3000;
const CLASS_HINT = /(?:^|[\s_-])(?:byline|bylines|author|authors|author-name|article-author|post-author|writer|contributor)(?:$|[\s_-])/i;
/** A line that opens as a byline does: "By Ana Ruiz", "Por Ana Ruiz", "Von Jo Lee". */
const BY_LINE = /^(?:By|BY|Por|Par|Von|Door|Av|Af|Przez|Written by|Reporting by)\s+\p{Lu}/u;
const NOT_BYLINE = /(?:bio|avatar|image|img|photo|follow|social|more|related|list|box|card|description)/i;

export function domByline(doc: Document): string | null {
  const candidates: Element[] = [
    ...Array.from(doc.querySelectorAll('[rel~="author"]')),
    ...Array.from(doc.querySelectorAll('[itemprop~="author"]')),
    ...Array.from(doc.querySelectorAll('[class], [id]')).filter((el) => CLASS_HINT.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)),
  ];
  for (const el of candidates) {
    if (el.closest('head') || isHiddenWithin(el)) continue;
    if (NOT_BYLINE.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) continue;
    const named = el.getAttribute('itemprop')?.split(/\s+/).includes('author') ? el.querySelector('[itemprop~="name"]') : null;
    const text = collapse((named ?? el).textContent ?? '') || collapse(named?.getAttribute('content') ?? el.getAttribute('content') ?? '');
    const names = bylineNames(text);
    if (names) return names;
  }
  return null;
}

/** A "By …" line among the first lines of the page's visible text (one line per block). */
export function bylineLine(visible: string): string | null {
  for (const line of visible.slice(0, BY_LINE_WITHIN).split('\n')) {
    const text = collapse(line);
    if (!BY_LINE.test(text)) continue;
    const names = bylineNames(text);
    if (names) return names;
  }
  return null;
}

/** The names a byline text gives, joined with ", "; null when it reads as no byline. */
export function bylineNames(text: string): string | null {
  if (!text || text.length > MAX_BYLINE_CHARS) return null;
  const stripped = text
    .replace(BY_WORDS, '')
    // an outlet, a role or a date after the names: "Ana Ruiz | Reuters", "Tom Bell, Staff Writer", "Jo Lee — 3 May 2024"
    .replace(/\s*(?:[|•·—–]|\s-\s).*$/, '')
    .replace(/,\s*(?:staff|senior|chief|special|foreign|political|the|associated|reuters|afp|bbc|cnn|updated|published)\b.*$/i, '')
    .trim();
  const parts = stripped
    .split(/\s*(?:,|\band\b|&|\bund\b|\by\b|\bet\b|\be\b)\s*/i)
    .map((p) => p.replace(BY_WORDS, '').trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > MAX_NAMES || !parts.every(isPersonName)) return null;
  return [...new Set(parts)].join(', ');
}

/** Two to four words, each a capitalised name word or an initial or a particle ("van", "de", "al-"). */
function isPersonName(part: string): boolean {
  const words = part.split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  return words.every((w, i) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w) || (i > 0 && i < words.length - 1 && /^(?:van|von|de|der|den|da|di|du|del|la|le|bin|ibn|al|el)$/i.test(w)));
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function isHiddenWithin(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isHidden(e)) return true;
  return false;
}
