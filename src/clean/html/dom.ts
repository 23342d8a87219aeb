// Parse HTML with linkedom into a document shaped like a browser's: one <html> with a <head>
// and a <body>, and no element nested deeper than MAX_DOM_DEPTH.
import { loadLate } from '../../util/load-late.ts';
import { INVISIBLE_TAGS } from './tags.ts';
import { boundNesting } from './bound-nesting.ts';

/**
 * Deeper elements are unwrapped (their children move up). Real pages stay well under this;
 * Readability's cost grows steeply with depth (about 0.4 s for a single 200-deep chain).
 */
export const MAX_DOM_DEPTH = 100;

/** Tags that belong in <head> when a page leaves them outside it. */
const HEAD_TAGS = new Set(['TITLE', 'META', 'LINK', 'BASE']);

const ELEMENT_NODE = 1;

const linkedom = loadLate<typeof import('linkedom')>('linkedom');

export function parseDocument(html: string): Document {
  // Tags nested absurdly deep are dropped first: the parser's cost is quadratic in depth.
  const { document } = linkedom().parseHTML(wrapInHtml(boundNesting(html))) as unknown as { document: Document };
  normaliseStructure(document);
  boundDepth(document.documentElement);
  return document;
}

/** linkedom builds no implicit <html>; without one the first tag becomes the root. */
function wrapInHtml(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const rest = doctype ? html.slice(doctype[0].length) : html;
  return `${doctype ? doctype[0] : ''}<html>${rest}</html>`;
}

/** linkedom adds empty <head>/<body> when missing but leaves the content beside them. */
function normaliseStructure(doc: Document): void {
  const root = doc.documentElement;
  if (!root) return;
  let head = doc.head as HTMLElement | null;
  let body = doc.body as HTMLElement | null;
  if (!head || head.parentNode !== root) {
    head = doc.createElement('head');
    root.insertBefore(head, root.firstChild);
  }
  if (!body || body.parentNode !== root) {
    body = doc.createElement('body');
    root.appendChild(body);
  }
  // A set: a page of thousands of stray nodes must not cost a scan of them per node.
  const strays = new Set(Array.from(root.childNodes).filter((n) => n !== head && n !== body));
  let seenBody = false;
  const before: Node[] = [];
  for (const child of Array.from(root.childNodes)) {
    if (child === body) seenBody = true;
    if (!strays.has(child)) continue;
    if (child.nodeType === ELEMENT_NODE && HEAD_TAGS.has((child as Element).tagName)) {
      head.appendChild(child);
    } else if (seenBody) {
      body.appendChild(child);
    } else {
      before.push(child);
    }
  }
  const first = body.firstChild;
  for (const n of before) body.insertBefore(n, first);
}

/** Unwraps every element that sits deeper than MAX_DOM_DEPTH, keeping its text in place. */
function boundDepth(root: Element | null): void {
  if (!root) return;
  const stack: { el: Element; depth: number }[] = [{ el: root, depth: 0 }];
  while (stack.length > 0) {
    const { el, depth } = stack.pop()!;
    if (depth >= MAX_DOM_DEPTH) {
      flattenInto(el);
      continue;
    }
    for (const child of Array.from(el.children)) stack.push({ el: child, depth: depth + 1 });
  }
}

/** Replaces every descendant element of `el` by its children, so `el` holds only text. */
function flattenInto(el: Element): void {
  let child: Element | null;
  while ((child = el.firstElementChild)) {
    // Unwrapping a <script> would turn its code into text, so invisible elements just go.
    if (!INVISIBLE_TAGS.has(child.tagName)) {
      while (child.firstChild) el.insertBefore(child.firstChild, child);
    }
    el.removeChild(child);
  }
}
