// Source text is untrusted: whatever a renderer prints from it goes through these.

/** Text for Markdown: HTML-significant characters become entities, Markdown syntax is escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|])/g, '\\$1')
    .replace(/^([#>+-])/, '\\$1')
    .replace(/\s*\n\s*/g, ' ');
}
