// The report's script, inlined into the page (allowed by its hash). It shows a cited passage in
// its document: the text is set through Text nodes, never parsed as HTML, so untrusted source text
// stays text and "\r\n" stays two characters (the spans count them).
import { WIDE } from './report-css.ts';

export const REPORT_JS = `
(() => {
  'use strict';
  const byId = (id) => document.getElementById(id);
  const docs = new Map(JSON.parse(byId('documents').textContent).map((d) => [d.id, d]));
  const panel = byId('source');
  const textBox = byId('source-text');
  const closeButton = byId('source-close');
  const brief = byId('brief');
  const copyButton = byId('copy-cite');
  const copyStatus = byId('copy-status');
  /** The passage open in the panel: what "Copy citation" copies. */
  let shown = null;
  const wide = window.matchMedia('(min-width: ${WIDE})');
  let active = null;

  /** The document as Text nodes: removed page chrome greyed, [start, end) in one <mark>. */
  function render(doc, start, end) {
    const length = doc.original.length;
    const cuts = new Set([0, length, start, end]);
    for (const [s, e] of doc.removed) cuts.add(s).add(e);
    const points = [...cuts].filter((n) => n >= 0 && n <= length).sort((a, b) => a - b);
    const fragment = document.createDocumentFragment();
    let mark = null;
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      let node = document.createTextNode(doc.original.slice(a, b));
      const removed = doc.removed.find(([s, e]) => s <= a && b <= e);
      if (removed) {
        const grey = document.createElement('span');
        grey.className = 'chrome';
        grey.title = 'removed as page chrome: ' + removed[2];
        grey.append(node);
        node = grey;
      }
      if (start < end && start <= a && b <= end) {
        if (!mark) fragment.append((mark = document.createElement('mark')));
        mark.append(node);
      } else fragment.append(node);
    }
    textBox.replaceChildren(fragment);
    return mark;
  }

  function open(button, keep) {
    const doc = docs.get(button.dataset.doc);
    if (!doc) return;
    // The open citation is kept in the address, so the page can be shared open at that passage.
    if (!keep && button.classList.contains('cite')) history.replaceState(null, '', '#cite=' + encodeURIComponent(button.dataset.doc) + ':' + button.dataset.start + '-' + button.dataset.end);
    let start = Number(button.dataset.start);
    let end = Number(button.dataset.end);
    const cited = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= doc.original.length;
    if (!cited) start = end = 0;
    byId('source-outlet').textContent = doc.outlet;
    byId('source-title').textContent = doc.title || '';
    byId('source-where').textContent = cited ? 'Characters ' + start + '–' + end + ' of ' + doc.original.length : doc.original.length + ' characters';
    shown = cited ? { doc, start, end } : null;
    copyButton.hidden = !shown;
    copyStatus.textContent = '';
    if (active) active.classList.remove('active');
    active = button;
    button.classList.add('active');
    document.body.classList.add('source-open');
    panel.setAttribute('aria-label', 'Source: ' + doc.outlet);
    const mark = render(doc, start, end);
    // Scroll the panel only, never the brief: the reader's place in the brief must not move.
    textBox.scrollTop = mark ? Math.max(0, mark.offsetTop - textBox.clientHeight / 3) : 0;
    // On a phone the panel covers the brief: keep focus and screen readers out of what is hidden.
    if (!wide.matches) {
      brief.inert = true;
      closeButton.focus({ preventScroll: true });
    }
  }

  function close() {
    if (!document.body.classList.contains('source-open')) return;
    if (location.hash.startsWith('#cite=')) history.replaceState(null, '', location.pathname + location.search);
    document.body.classList.remove('source-open');
    brief.inert = false;
    if (active && !wide.matches) active.focus({ preventScroll: true });
  }

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('.cite, .open-doc') : null;
    if (button) {
      event.preventDefault();
      open(button);
    }
  });
  closeButton.addEventListener('click', close);

  /** The open passage as a citation to paste: the words, who printed them, where, and the offsets. */
  function citation({ doc, start, end }) {
    const parts = [doc.outlet];
    if (doc.title) parts.push('“' + doc.title + '”');
    if (doc.published) parts.push(doc.published);
    if (doc.url) parts.push(doc.url);
    return '“' + doc.original.slice(start, end).replace(/\\s+/g, ' ').trim() + '” — ' + parts.join(', ') + ' (characters ' + start + '–' + end + ' of ' + doc.id + ')';
  }
  copyButton.addEventListener('click', () => {
    if (!shown) return;
    const text = citation(shown);
    const done = (ok) => (copyStatus.textContent = ok ? 'Copied.' : 'Could not copy: select the passage and copy it.');
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(() => done(true), () => done(false));
    else done(false);
  });
  wide.addEventListener('change', () => {
    if (wide.matches) brief.inert = false;
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !wide.matches) close();
  });
  // Opened from a shared address: show that citation's passage, its chip in view.
  const shared = /^#cite=([^:]+):(\\d+)-(\\d+)$/.exec(location.hash);
  if (shared) {
    const [, doc, start, end] = shared;
    const chip = [...document.querySelectorAll('.cite')].find((b) => b.dataset.doc === decodeURIComponent(doc) && b.dataset.start === start && b.dataset.end === end);
    if (chip) {
      chip.scrollIntoView({ block: 'center' });
      open(chip, true);
    }
  }
})();
`;
