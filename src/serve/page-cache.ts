// Rendered story pages, kept while the store stays as it was when they were rendered. A story page
// reads the story's brief (hundreds of kilobytes of JSON for a big story) and renders all of it
// with its sources: about 10 ms of CPU every time, for a page that changes only when the story
// log does. Pages are keyed by the log's last entry, so any change to any story renders afresh;
// the least recently asked page goes first once the kept pages hold more than the budget.

import { LRUCache } from 'lru-cache';

/** `keep: false`: a page of a brief that is being made again, answered but not kept. */
export type RenderedPage = { html: string; keep?: false } | { redirect: string };

/** Characters of HTML kept in all (UTF-16: twice as many bytes). */
const BUDGET_CHARS = 16 * 1024 * 1024;

export class PageCache {
  private readonly pages: LRUCache<string, RenderedPage>;
  private readonly making = new Map<string, Promise<RenderedPage>>();

  constructor(budget = BUDGET_CHARS) {
    // A page larger than the whole budget is not kept (lru-cache refuses it).
    this.pages = new LRUCache({ maxSize: budget, sizeCalculation: pageSize });
  }

  /** The page under `key`, rendered by `render` when not kept (once, however many ask meanwhile); a failure is not kept. */
  async get(key: string, render: () => Promise<RenderedPage>): Promise<RenderedPage> {
    const kept = this.pages.get(key);
    if (kept) return kept;
    let pending = this.making.get(key);
    if (!pending) {
      pending = render()
        .then((page) => {
          if (!('html' in page && page.keep === false)) this.pages.set(key, page);
          return page;
        })
        .finally(() => this.making.delete(key));
      this.making.set(key, pending);
    }
    return pending;
  }
}

function pageSize(page: RenderedPage): number {
  return Math.max(1, 'html' in page ? page.html.length : page.redirect.length);
}
