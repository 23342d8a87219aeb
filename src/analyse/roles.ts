// Roles said of a named person: an apposition after the name ("Wang Yi, China's top diplomat,")
// or a description before it ("the engineer Tobias Renner", "China's top diplomat Wang Yi").
import type { Role } from '../schema.ts';
import type { NameMention, TextRange } from './mentions.ts';
import type { Token, TokenizedText } from './tokens.ts';
import { SPEECH_VERBS } from './vocabulary/speech.ts';
import { isRoleNoun } from './vocabulary/titles.ts';

const MAX_APPOSITION_TOKENS = 14;
const MAX_DESCRIPTION_TOKENS = 6;
const LEADING_ARTICLE = /^(?:a|an|the)\s+/i;

/** Roles around a mention, as printed (without a leading article). */
export function rolesAround(doc: TokenizedText, mention: NameMention): TextRange[] {
  const roles: TextRange[] = [];
  const after = apposition(doc, mention.lastToken);
  if (after) roles.push(after);
  const before = description(doc, mention.runStart);
  if (before) roles.push(before);
  return roles;
}

function apposition(doc: TokenizedText, last: number): TextRange | null {
  const { tokens } = doc;
  const comma = tokens[last + 1];
  if (comma?.text !== ',' || comma.sentence !== tokens[last]!.sentence) return null;
  const from = last + 2;
  const first = tokens[from];
  if (!first || !/^(?:DET|ADJ|NOUN|PROPN|NUM|PRON)$/.test(first.pos)) return null;
  if (first.pos === 'PRON' && !/^(?:his|her|their|its)$/i.test(first.text)) return null;
  // A list ("China, Blinken and other officials") is not an apposition; "China's top diplomat" is.
  if (first.pos === 'PROPN' && !/^['\u2019]s$/.test(tokens[from + 1]?.text ?? '')) return null;
  let end = from;
  let hasRole = false;
  for (let k = from; k < tokens.length && k - from < MAX_APPOSITION_TOKENS; k++) {
    const t = tokens[k]!;
    if (t.sentence !== comma.sentence || /^[,;:.!?"\u201c\u201d()\u2014]$/.test(t.text)) break;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !(t.pos === 'VERB' && /ed$/.test(t.text) && tokens[k - 1]?.pos === 'NOUN')) break;
    if (SPEECH_VERBS.has(t.lemma) && t.pos === 'VERB') break;
    if (t.pos === 'NOUN' && isRoleNoun(t.text)) hasRole = true;
    end = k;
  }
  if (!hasRole) return null;
  return rangeOf(doc, from, end);
}

function description(doc: TokenizedText, runStart: number): TextRange | null {
  const { tokens } = doc;
  // "Lokaria's governor, Achieng Odera," — the description may stand before a comma.
  const comma = tokens[runStart - 1]?.text === ',' ? 1 : 0;
  const head = tokens[runStart - 1 - comma];
  if (head?.pos !== 'NOUN' || !isRoleNoun(head.text) || head.sentence !== tokens[runStart]!.sentence) return null;
  const headIndex = runStart - 1 - comma;
  let from = headIndex;
  for (let k = headIndex - 1; k >= 0 && headIndex - k < MAX_DESCRIPTION_TOKENS; k--) {
    const t = tokens[k]!;
    if (t.sentence !== head.sentence) break;
    if (!/^(?:ADJ|NOUN|PROPN|PART|NUM)$/.test(t.pos) && !(t.text === '-')) break;
    from = k;
  }
  // After a comma the description must open its clause ("…, the governor, Odera," is a list).
  if (comma && from > 0 && !/^[,;:(\u2014]$/.test(tokens[from - 1]!.text) && tokens[from - 1]!.pos !== 'DET' && tokens[from - 1]!.sentence === head.sentence) return null;
  return rangeOf(doc, from, headIndex);
}

function rangeOf(doc: TokenizedText, first: number, last: number): TextRange | null {
  const a: Token = doc.tokens[first]!;
  const b: Token = doc.tokens[last]!;
  const raw = doc.original.slice(a.start, b.end);
  const article = LEADING_ARTICLE.exec(raw);
  const start = a.start + (article ? article[0].length : 0);
  if (start >= b.end) return null;
  return { text: doc.original.slice(start, b.end), start, end: b.end };
}

/** One role per wording (case aside), with every passage that states it, each once. */
export function mergeRoles(roles: Iterable<Role>): Role[] {
  const merged = new Map<string, Role>();
  for (const r of roles) {
    const key = r.text.toLowerCase();
    const role = merged.get(key) ?? { text: r.text, spans: [] };
    for (const s of r.spans) if (!role.spans.some((t) => t.doc === s.doc && t.start === s.start)) role.spans.push(s);
    merged.set(key, role);
  }
  return [...merged.values()];
}
