// The page a failed request gets outside the API: the status and one sentence.
import { escapeHtml as esc } from '../../brief/escape.ts';
import { page } from './layout.ts';

const TITLES: Record<number, string> = { 400: 'Bad request', 404: 'Not found', 414: 'Request too long', 421: 'Wrong host', 500: 'Something went wrong' };

export function errorPage(status: number, message: string): string {
  const title = TITLES[status] ?? `Error ${status}`;
  return page({ title, main: `<h1>${esc(title)}</h1>\n<p>${esc(message)}</p>\n<p><a href="/">All stories</a></p>` });
}
