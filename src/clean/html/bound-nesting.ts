// Absurdly deep HTML, made harmless before it is parsed. htmlparser2 (under linkedom) keeps its
// open elements in an array it grows at the front and searches on every end tag, so its cost is
// quadratic in nesting depth: 100,000 nested <div>s take 5 s to parse, a 20 MB page of them
// hours; and each end tag that closes nothing is searched for through the whole stack.
//
// A page with more tags than MAX_PARSE_DEPTH is scanned once, tracking its open elements the way
// htmlparser2 does (implied end tags, void elements, raw-text elements, self-closing tags in SVG
// and MathML). A start tag that would open deeper than MAX_PARSE_DEPTH is dropped with its end tag
// (its text stays where it was: boundDepth in dom.ts unwraps everything below MAX_DOM_DEPTH anyway),
// an invisible element that deep is dropped with its content, and an end tag that closes nothing
// while more than CHEAP_SEARCH_DEPTH elements are open (the parser would ignore it, after its
// search) is dropped. Other pages are not touched.

/** Open elements at most; far beyond MAX_DOM_DEPTH (100), far below where parsing slows (~10,000). */
export const MAX_PARSE_DEPTH = 1_000;
/** Below this depth an end tag that closes nothing costs the parser little: it is left alone. */
const CHEAP_SEARCH_DEPTH = 100;

const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content is text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
/** Where a self-closing tag closes itself. */
const FOREIGN = new Set(['svg', 'math']);
/** Elements dropped with their content when too deep (their content is never shown). */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head', 'title', 'object', 'canvas', 'select', 'datalist', 'math', 'audio', 'video', 'map']);

// htmlparser2's openImpliesClose: a start tag closes these when they are the current element.
const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const IMPLIED_END = new Map<string, Set<string>>(
  (
    [
      ['tr', ['tr', 'th', 'td']],
      ['th', ['th']],
      ['td', ['thead', 'th', 'td']],
      ['body', ['head', 'link', 'script']],
      ['li', ['li']],
      ['select', FORM],
      ['input', FORM],
      ['output', FORM],
      ['button', FORM],
      ['datalist', FORM],
      ['textarea', FORM],
      ['option', ['option']],
      ['optgroup', ['optgroup', 'option']],
      ['dd', ['dd', 'dt']],
      ['dt', ['dd', 'dt']],
      ['rt', ['rt', 'rp']],
      ['rp', ['rt', 'rp']],
      ['tbody', ['thead', 'tbody']],
      ['tfoot', ['thead', 'tbody']],
      ...[
        'p',
        'h1',
        'h2',
        'h3',
        'h4',
        'h5',
        'h6',
        'address',
        'article',
        'aside',
        'blockquote',
        'details',
        'div',
        'dl',
        'fieldset',
        'figcaption',
        'figure',
        'footer',
        'form',
        'header',
        'hr',
        'main',
        'nav',
        'ol',
        'pre',
        'section',
        'table',
        'ul',
      ].map((t) => [t, P] as [string, string[]]),
    ] as [string, string[]][]
  ).map(([tag, closes]) => [tag, new Set(closes)]),
);

const isNameStart = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);
const NAME_END = /[\s/>]/g;
const ATTRIBUTE_EDGE = /[>="']/g;

/** `html` unchanged, or with the tags that nest deeper than MAX_PARSE_DEPTH taken out. */
export function boundNesting(html: string, maxDepth = MAX_PARSE_DEPTH): string {
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0 && tags <= maxDepth; i = html.indexOf('<', i + 1)) tags++;
  if (tags <= maxDepth) return html;

  const kept: string[] = [];
  let copied = 0;
  const drop = (from: number, to: number) => {
    kept.push(html.slice(copied, from));
    copied = to;
  };
  const stack: string[] = [];
  const open = new Map<string, number>();
  const excess = new Map<string, number>();
  let foreign = 0;
  const pop = () => {
    const name = stack.pop()!;
    open.set(name, open.get(name)! - 1);
    if (FOREIGN.has(name)) foreign--;
  };

  let i = 0;
  while ((i = html.indexOf('<', i)) >= 0) {
    const next = html[i + 1];
    if (html.startsWith('<!--', i)) {
      i = endOf(html, '-->', i + 4);
      continue;
    }
    if (next === '!' || next === '?') {
      i = endOf(html, '>', i + 2);
      continue;
    }
    const closing = next === '/';
    const nameStart = closing ? i + 2 : i + 1;
    if (!isNameStart(html[nameStart])) {
      i++;
      continue;
    }
    NAME_END.lastIndex = nameStart;
    const nameEnd = NAME_END.exec(html)?.index ?? html.length;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const end = closing ? endOf(html, '>', nameEnd) : startTagEnd(html, nameEnd);

    if (closing) {
      if (VOID.has(name)) {
        // "</br>" is a <br>; other void end tags are nothing.
      } else if ((excess.get(name) ?? 0) > 0) {
        excess.set(name, excess.get(name)! - 1);
        drop(i, end);
      } else if ((open.get(name) ?? 0) > 0) {
        while (stack[stack.length - 1] !== name) pop();
        pop();
      } else if (name !== 'p' && stack.length > CHEAP_SEARCH_DEPTH) drop(i, end); // closes nothing ("</p>" alone makes an empty paragraph)
      i = end;
      continue;
    }

    const selfClosing = html[end - 2] === '/' && foreign > 0;
    const implied = IMPLIED_END.get(name);
    while (implied && stack.length && implied.has(stack[stack.length - 1]!)) pop();
    let after = end;
    if (RAW_TEXT.has(name) && !selfClosing) after = rawTextEnd(html, name, end);
    if (VOID.has(name) || selfClosing) {
      i = after;
      continue;
    }
    if (stack.length >= maxDepth) {
      if (INVISIBLE.has(name)) drop(i, (after = elementEnd(html, name, after)));
      else {
        excess.set(name, (excess.get(name) ?? 0) + 1);
        drop(i, end);
      }
      i = after;
      continue;
    }
    // A raw-text element is closed by its own end tag, which the loop then reads.
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (FOREIGN.has(name)) foreign++;
    i = after;
  }
  if (!kept.length) return html;
  kept.push(html.slice(copied));
  return kept.join('');
}

/** Just past the next `marker` at or after `from`; the end of the text when there is none. */
function endOf(html: string, marker: string, from: number): number {
  const at = html.indexOf(marker, from);
  return at < 0 ? html.length : at + marker.length;
}

/** Just past the `>` of a start tag whose name ends at `from`; a quoted attribute value may hold `>`. */
function startTagEnd(html: string, from: number): number {
  let i = from;
  for (;;) {
    ATTRIBUTE_EDGE.lastIndex = i;
    const edge = ATTRIBUTE_EDGE.exec(html);
    if (!edge) return html.length;
    if (edge[0] === '>') return edge.index + 1;
    i = edge.index + 1;
    if (edge[0] !== '=') continue;
    while (i < html.length && /\s/.test(html[i]!)) i++;
    const quote = html[i];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, i + 1);
      if (close < 0) return html.length;
      i = close + 1;
    }
  }
}

/** Where the end tag of a raw-text element starts (its text is not markup). */
function rawTextEnd(html: string, name: string, from: number): number {
  const re = new RegExp(`</${name}`, 'ig');
  re.lastIndex = from;
  return re.exec(html)?.index ?? html.length;
}

/** Just past the end tag that closes an element opened before `from` (same-name elements nest). */
function elementEnd(html: string, name: string, from: number): number {
  const re = new RegExp(`<(/?)${name}[\\s/>]`, 'ig');
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return endOf(html, '>', m.index);
  }
  return html.length;
}
