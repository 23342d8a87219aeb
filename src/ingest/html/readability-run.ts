// Runs Readability over the parsed page and reports which visible text segments it kept.
// Readability moves the page's own text nodes into its article, so most map back by identity;
// when it re-parses the page (its retry path) the nodes are new and are aligned by text.
import { Readability } from '@mozilla/readability';
import type { VisibleText } from './visible-text.ts';

const TEXT_NODE = 3;

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

function collapse(s: string): string {
  return s.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

/**
 * Finds segments whose text, concatenated, equals `text`, searching forward from `from`.
 * Returns the matched segment indices, or null.
 */
function alignText(text: string, vt: VisibleText, from: number): number[] | null {
  const segs = vt.segments;
  for (let i = from; i < segs.length; i++) {
    const first = vt.original.slice(segs[i]!.start, segs[i]!.end);
    if (!text.startsWith(first)) continue;
    const matched = [i];
    let rest = text.slice(first.length).trimStart();
    let j = i + 1;
    while (rest.length > 0 && j < segs.length) {
      const s = vt.original.slice(segs[j]!.start, segs[j]!.end);
      if (!rest.startsWith(s)) break;
      matched.push(j);
      rest = rest.slice(s.length).trimStart();
      j++;
    }
    if (rest.length === 0) return matched;
  }
  return null;
}

export function runReadability(doc: Document, vt: VisibleText): ReadabilityResult {
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
  let cursor = 0;
  for (const node of textNodes(article)) {
    const idx = vt.segmentOf.get(node);
    if (idx !== undefined) {
      kept.add(idx);
      cursor = idx + 1;
      continue;
    }
    const text = collapse((node as CharacterData).data ?? '');
    if (!text) continue;
    const matched = alignText(text, vt, cursor);
    if (matched) {
      for (const m of matched) kept.add(m);
      cursor = matched[matched.length - 1]! + 1;
    }
  }
  if (kept.size === 0) return { kept: [], failure: 'Readability kept no visible text' };
  return { kept: [...kept].sort((a, b) => a - b) };
}
