// Source text is untrusted: whatever a renderer prints from it goes through these.

/** Control characters a terminal acts on (ANSI escapes, bell, backspace…); white space aside. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

/** A control character as its escape: "\\n", "\\t", "\\r", else "\\x1b". */
function controlEscape(c: string): string {
  return c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/** Text for a terminal line: each control character shown as its escape ("\\x1b"), so no source string moves the cursor, recolours the screen or forges a line. */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, controlEscape);
}

/** Text for Markdown: HTML-significant characters become entities, Markdown syntax is escaped, control characters shown as escapes. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(CONTROL, controlEscape)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|])/g, '\\$1')
    .replace(/^([#>+-])/, '\\$1')
    .replace(/\s+/g, collapseLineBreak);
}

/** A run of white space with a line break in it becomes one space (`\s*\n\s*` would rescan a long run of spaces from every start: quadratic). */
function collapseLineBreak(space: string): string {
  return space.includes('\n') ? ' ' : space;
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML: safe both as element content and inside a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/** JSON to embed in `<script type="application/json">`: no `<` survives, so no text can close it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
