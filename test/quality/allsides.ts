// The multi-outlet AllSides data (../shared/eval/multi-outlet-allsides): one event a line, three
// outlets' versions of it (headline + opening sentences) separated by `[SEP]`, and a human
// neutral roundup of the same event in the `.target` file. Read from ../shared only.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ALLSIDES_DIR = fileURLToPath(new URL('../../../shared/eval/multi-outlet-allsides/', import.meta.url));

export interface AllsidesReport {
  /** The headline: the text between `TITLE=>` and `ARTICLE=>`, trimmed. */
  title: string;
  /** The opening sentences: the text after `ARTICLE=>`, trimmed. */
  article: string;
}

export interface AllsidesEvent {
  /** 0-based line number in the split's `.source` file. */
  line: number;
  reports: AllsidesReport[];
  /** The human roundup, `TITLE=>`/`ARTICLE=>` markers left out. */
  target: string;
}

export function hasAllsides(): boolean {
  return existsSync(`${ALLSIDES_DIR}val.source`);
}

export function loadAllsides(split: 'train' | 'val'): AllsidesEvent[] {
  const sources = lines(`${ALLSIDES_DIR}${split}.source`);
  const targets = lines(`${ALLSIDES_DIR}${split}.target`);
  return sources.map((source, line) => ({
    line,
    reports: source.split(' [SEP] ').map(parseReport),
    target: parseReport(targets[line] ?? '').title + ' ' + parseReport(targets[line] ?? '').article,
  }));
}

/** `TITLE=> headline ARTICLE=> body` → its two parts (either may be empty). */
export function parseReport(text: string): AllsidesReport {
  const titleAt = text.indexOf('TITLE=>');
  const articleAt = text.indexOf('ARTICLE=>');
  const title = titleAt >= 0 ? text.slice(titleAt + 7, articleAt >= 0 ? articleAt : undefined) : '';
  const article = articleAt >= 0 ? text.slice(articleAt + 9) : titleAt >= 0 ? '' : text;
  return { title: title.trim(), article: article.trim() };
}

function lines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line, i, all) => line.length > 0 || i < all.length - 1);
}
