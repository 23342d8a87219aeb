// What an element's tag, role, class and id say about the text inside it. These hints only
// label regions; the decisions that use them live in blocks.ts and removed.ts.

export const Hint = {
  NAV: 1 << 0,
  FOOTER: 1 << 1,
  HEADER: 1 << 2,
  ASIDE: 1 << 3,
  CAPTION: 1 << 4,
  SHARE: 1 << 5,
  TEASER: 1 << 6,
  BYLINE: 1 << 7,
  AD: 1 << 8,
  CONTROL: 1 << 9,
  TITLE: 1 << 10,
  COMMENTS: 1 << 11,
  FIGURE: 1 << 12,
  LIST: 1 << 13,
  HEADING: 1 << 14,
  TABLE: 1 << 15,
  QUOTE: 1 << 16,
  LINK: 1 << 17,
} as const;

const BY_TAG: Record<string, number> = {
  NAV: Hint.NAV,
  MENU: Hint.NAV,
  FOOTER: Hint.FOOTER,
  HEADER: Hint.HEADER,
  ASIDE: Hint.ASIDE,
  FIGCAPTION: Hint.CAPTION,
  FIGURE: Hint.FIGURE,
  BUTTON: Hint.CONTROL,
  FORM: Hint.CONTROL,
  LABEL: Hint.CONTROL,
  H1: Hint.TITLE | Hint.HEADING,
  H2: Hint.HEADING,
  H3: Hint.HEADING,
  H4: Hint.HEADING,
  H5: Hint.HEADING,
  H6: Hint.HEADING,
  LI: Hint.LIST,
  TABLE: Hint.TABLE,
  BLOCKQUOTE: Hint.QUOTE,
  TIME: Hint.BYLINE,
  A: Hint.LINK,
};

const BY_ROLE: Record<string, number> = {
  navigation: Hint.NAV,
  menu: Hint.NAV,
  menubar: Hint.NAV,
  contentinfo: Hint.FOOTER,
  banner: Hint.HEADER,
  complementary: Hint.ASIDE,
  button: Hint.CONTROL,
  dialog: Hint.CONTROL,
  alert: Hint.CONTROL,
};

// Class/id words, matched as whole tokens of names split on "-", "_", spaces and camelCase.
const WORD_HINTS: [RegExp, number][] = [
  [/^(nav|navbar|navigation|menu|breadcrumbs?|masthead|topbar|sidebar|skip|pagination|pager)$/, Hint.NAV],
  [/^(footer|copyright|colophon)$/, Hint.FOOTER],
  [/^(caption|captions|figcaption|credit|credits|photocredit)$/, Hint.CAPTION],
  [/^(share|sharing|sharebar|social|sociallinks|follow|newsletter|subscribe|subscription|signup)$/, Hint.SHARE],
  [/^(related|recommended|recommendations|recirc|recirculation|trending|popular|mostread|teaser|teasers|promo|outbrain|taboola|morestories|readmore|readnext|upnext|next)$/, Hint.TEASER],
  [/^(byline|bylines|author|authors|dateline|timestamp|published|pubdate|date|meta)$/, Hint.BYLINE],
  [/^(ad|ads|advert|advertisement|adslot|adunit|sponsor|sponsored|dfp|gpt)$/, Hint.AD],
  [/^(comment|comments|disqus|discussion)$/, Hint.COMMENTS],
  [/^(headline|title)$/, Hint.TITLE],
  [/^(modal|popup|overlay|cookie|consent|paywall)$/, Hint.CONTROL],
];

/** Lower-case words of a class or id attribute: "shareBar-top" → share, bar, top, sharebar. */
export function nameWords(names: string): string[] {
  const words: string[] = [];
  for (const name of names.split(/\s+/)) {
    if (!name) continue;
    const parts = name
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/);
    for (const p of parts) if (p) words.push(p);
    // Glued compounds like "share-bar" also read as "sharebar".
    const joined = parts.join('');
    if (parts.length > 1 && joined) words.push(joined);
  }
  return words;
}

function wordFlags(names: string): number {
  let flags = 0;
  for (const w of nameWords(names)) {
    for (const [re, flag] of WORD_HINTS) if (re.test(w)) flags |= flag;
  }
  return flags;
}

/** Hint flags of one element on its own (ancestors are combined by the caller). */
export function elementHints(el: Element): number {
  let flags = BY_TAG[el.tagName.toUpperCase()] ?? 0;
  const role = el.getAttribute('role');
  if (role) flags |= BY_ROLE[role.toLowerCase()] ?? 0;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (names.trim()) flags |= wordFlags(names);
  const itemprop = el.getAttribute('itemprop');
  if (itemprop && /\b(author|datePublished|dateModified)\b/.test(itemprop)) flags |= Hint.BYLINE;
  if (el.getAttribute('rel') === 'author') flags |= Hint.BYLINE;
  return flags;
}
