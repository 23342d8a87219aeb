// HTML or plain text? The extension decides when it says HTML; otherwise the content does.
import { extname } from 'node:path';
import type { InputFormat } from './raw-input.ts';

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
/** Extensions that promise text: only an unmistakable HTML start overrides them. */
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md']);

/** How far into the content to look; markup announces itself early. */
const SNIFF_CHARS = 4096;
/** "<!doctype html" or "<html" this close to the start is unmistakable. */
const STRONG_SIGNAL_CHARS = 1024;
const STRONG_SIGNAL = /<!doctype\s+html|<html[\s>]/i;
/** Tags of elements that appear in web pages; generic "<word>" would match prose like "<sic>". */
const HTML_TAG =
  /<\/?(?:a|article|aside|b|blockquote|body|br|div|em|figure|footer|h[1-6]|head|header|i|img|li|link|main|meta|nav|ol|p|script|section|span|strong|style|table|td|title|tr|ul)(?:\s[^<>]*)?\/?>/gi;
/** A fragment counts as HTML with this many tags and this many per 1000 characters. */
const MIN_TAGS = 4;
const MIN_TAGS_PER_1000_CHARS = 2;

/** `name` is a path or URL path (for its extension); may be undefined (stdin). */
export function detectFormat(name: string | undefined, content: string): InputFormat {
  const ext = name ? extname(name).toLowerCase() : '';
  if (HTML_EXTENSIONS.has(ext)) return 'html';
  if (STRONG_SIGNAL.test(content.slice(0, STRONG_SIGNAL_CHARS))) return 'html';
  if (TEXT_EXTENSIONS.has(ext)) return 'text';
  return hasDenseTags(content.slice(0, SNIFF_CHARS)) ? 'html' : 'text';
}

function hasDenseTags(sample: string): boolean {
  const tags = sample.match(HTML_TAG)?.length ?? 0;
  return tags >= MIN_TAGS && (tags * 1000) / Math.max(sample.length, 1) >= MIN_TAGS_PER_1000_CHARS;
}

/** Format declared by an HTTP Content-Type, or undefined when it does not say (sniff then). */
export function formatFromContentType(contentType: string | null | undefined): InputFormat | undefined {
  const type = mediaType(contentType);
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/plain' || type === 'text/markdown') return 'text';
  return undefined;
}

/** "text/html; charset=UTF-8" → "text/html". */
export function mediaType(contentType: string | null | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

/** "text/html; charset=UTF-8" → "UTF-8". */
export function charsetOf(contentType: string | null | undefined): string | undefined {
  const match = contentType?.match(/;\s*charset\s*=\s*("?)([^";,\s]+)\1/i);
  return match?.[2];
}
