// The page's visible text in document order, laid out like a browser's innerText: whitespace
// collapses inside inline runs, block elements and <br> break lines. Every text node that
// shows is recorded with its offsets, so later stages can map DOM nodes back to `original`.
import { BLOCK_TAGS, INVISIBLE_TAGS, PREFORMATTED_TAGS } from './tags.ts';
import { elementHints } from './hints.ts';
import type { OffsetRange } from '../../text/ranges.ts';

/** One visible text node: `original.slice(start, end)` is its collapsed text. */
export interface TextSegment extends OffsetRange {
  node: Node;
}

/** An element carrying hint flags, with the offsets its visible text covers. */
export interface HintRegion extends OffsetRange {
  flags: number;
  tag: string;
}

export interface VisibleText {
  original: string;
  segments: TextSegment[];
  /** Text node → index into `segments`. */
  segmentOf: Map<Node, number>;
  /** Flagged elements, in document order of their start. */
  regions: HintRegion[];
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

/** CSS collapsible whitespace; U+00A0 is deliberately not in it. */
const WORD_RE = /[^ \t\n\r\f]+/g;

const HIDDEN_STYLE_RE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE_RE.test(style);
}

class TextBuilder {
  private parts: string[] = [];
  length = 0;
  private atLineStart = true;
  private pendingSpace = false;

  private push(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }

  breakLine(): void {
    if (!this.atLineStart) this.push('\n');
    this.atLineStart = true;
    this.pendingSpace = false;
  }

  /** Appends collapsed text; returns the offsets of what was written, or null if nothing. */
  addCollapsed(data: string): OffsetRange | null {
    let start = -1;
    let lastEnd = 0;
    WORD_RE.lastIndex = 0;
    for (let m = WORD_RE.exec(data); m; m = WORD_RE.exec(data)) {
      if (m.index > lastEnd) this.pendingSpace = true;
      if (this.pendingSpace && !this.atLineStart) this.push(' ');
      this.pendingSpace = false;
      if (start < 0) start = this.length;
      this.push(m[0]);
      this.atLineStart = false;
      lastEnd = m.index + m[0].length;
    }
    if (lastEnd < data.length) this.pendingSpace = true;
    return start < 0 ? null : { start, end: this.length };
  }

  /** Appends preformatted text as written. */
  addRaw(data: string): OffsetRange | null {
    if (data.length === 0) return null;
    if (this.pendingSpace && !this.atLineStart) this.push(' ');
    this.pendingSpace = false;
    const start = this.length;
    this.push(data);
    this.atLineStart = data.endsWith('\n');
    return { start, end: this.length };
  }

  toString(): string {
    return this.parts.join('');
  }
}

interface Frame {
  el: Element;
  start: number;
  flags: number;
  block: boolean;
  pre: boolean;
}

/** Walks `root` without recursion, so nesting depth cannot overflow the stack. */
export function visibleText(root: Element): VisibleText {
  const out = new TextBuilder();
  const segments: TextSegment[] = [];
  const segmentOf = new Map<Node, number>();
  const regions: HintRegion[] = [];
  const frames: Frame[] = [];
  let preDepth = 0;

  const enter = (el: Element): boolean => {
    const tag = el.tagName.toUpperCase();
    if (INVISIBLE_TAGS.has(tag) || isHidden(el)) return false;
    if (tag === 'BR') {
      out.breakLine();
      return false;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) out.breakLine();
    const pre = PREFORMATTED_TAGS.has(tag);
    if (pre) preDepth++;
    frames.push({ el, start: out.length, flags: elementHints(el), block, pre });
    return true;
  };

  const exit = (): void => {
    const f = frames.pop()!;
    if (f.pre) preDepth--;
    if (f.block) out.breakLine();
    if (f.flags !== 0 && out.length > f.start) {
      regions.push({ start: f.start, end: out.length, flags: f.flags, tag: f.el.tagName.toUpperCase() });
    }
  };

  const addText = (node: Node): void => {
    const data = (node as CharacterData).data ?? '';
    const range = preDepth > 0 ? out.addRaw(data) : out.addCollapsed(data);
    if (!range) return;
    segmentOf.set(node, segments.length);
    segments.push({ node, ...range });
  };

  if (!enter(root)) return { original: '', segments, segmentOf, regions };
  let node: Node | null = root.firstChild;
  while (node) {
    let descended = false;
    if (node.nodeType === ELEMENT_NODE) {
      if (enter(node as Element)) {
        if (node.firstChild) {
          node = node.firstChild;
          descended = true;
        } else {
          exit();
        }
      }
    } else if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE) {
      addText(node);
    }
    if (descended) continue;
    // Climb until a next sibling exists, closing each element left behind.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root) exit();
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  exit(); // root
  regions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { original: out.toString(), segments, segmentOf, regions };
}
