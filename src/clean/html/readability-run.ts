// Runs Readability over the parsed page and reports which visible text segments it kept.
// Readability moves the page's own text nodes into its article, so most map back by identity;
// when it re-parses the page (its retry path) the nodes are new and are aligned by text.
import { loadLate } from '../../util/load-late.ts';
import type { VisibleText } from './visible-text.ts';
import { firstStartingAt } from '../../text/ranges.ts';

const TEXT_NODE = 3;

const readability = loadLate<typeof import('@mozilla/readability')>('@mozilla/readability');

export interface ReadabilityResult {
  /** Indices into VisibleText.segments, ascending. */
  kept: number[];
  /** Why Readability gave nothing usable, when it did not. */
  failure?: string;
}

/** Collects text nodes under `root` in document order without recursion. */
function textNodes(root: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.nodeType === TEXT_NODE) {
      out.push(n);
      continue;
    }
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out;
}

/** Whitespace of any kind, including no-break spaces, which pages use inconsistently. */
const ANY_SPACE_RE = /\s+/g;

/** Matches shorter than this must sit close to the previous match to count. */
const SHORT_TEXT_CHARS = 24;
/** How far (in non-space characters) a short text may be from the previous match. */
const SHORT_TEXT_WINDOW = 400;

/**
 * `original` without whitespace, with each character's offset in `original`, so text that
 * Readability re-created can be found regardless of how its whitespace was laid out.
 */
class CompactIndex {
  readonly text: string;
  readonly offsets: Int32Array;

  constructor(original: string) {
    const offsets = new Int32Array(original.length);
    const chars: string[] = [];
    for (let i = 0; i < original.length; i++) {
      const ch = original[i]!;
      if (/\s/.test(ch)) continue;
      offsets[chars.length] = i;
      chars.push(ch);
    }
    this.text = chars.join('');
    this.offsets = offsets.subarray(0, chars.length);
  }

  /** Offsets in `original` of `needle` found at or after compact position `from`. */
  find(needle: string, from: number): { start: number; end: number; next: number } | null {
    const at = this.text.indexOf(needle, from);
    if (at < 0) return null;
    if (needle.length < SHORT_TEXT_CHARS && from > 0 && at - from > SHORT_TEXT_WINDOW) return null;
    return { start: this.offsets[at]!, end: this.offsets[at + needle.length - 1]! + 1, next: at + needle.length };
  }
}

export function runReadability(doc: Document, vt: VisibleText): ReadabilityResult {
  const { Readability } = readability();
  let article: Element | null = null;
  try {
    const parsed = new Readability<Element>(doc, {
      keepClasses: true,
      serializer: (el) => el as Element,
    }).parse();
    article = parsed?.content ?? null;
  } catch (err) {
    return { kept: [], failure: `Readability failed: ${String(err).slice(0, 120)}` };
  }
  if (!article) return { kept: [], failure: 'Readability found no article' };

  const kept = new Set<number>();
  let compact: CompactIndex | null = null;
  let cursor = 0;
  for (const node of textNodes(article)) {
    const idx = vt.segmentOf.get(node);
    if (idx !== undefined) {
      kept.add(idx);
      continue;
    }
    const needle = ((node as CharacterData).data ?? '').replace(ANY_SPACE_RE, '');
    if (!needle) continue;
    compact ??= new CompactIndex(vt.original);
    const hit = compact.find(needle, cursor);
    if (!hit) continue;
    cursor = hit.next;
    for (let i = Math.max(0, firstStartingAt(vt.segments, hit.start + 1) - 1); i < vt.segments.length; i++) {
      const seg = vt.segments[i]!;
      if (seg.start >= hit.end) break;
      if (seg.end > hit.start) kept.add(i);
    }
  }
  if (kept.size === 0) return { kept: [], failure: 'Readability kept no visible text' };
  return { kept: [...kept].sort((a, b) => a - b) };
}
