// Rendered story pages, kept while the store stays as it was when they were rendered. A story page
// reads the story's brief (hundreds of kilobytes of JSON for a big story) and renders all of it
// with its sources: about 10 ms of CPU every time, for a page that changes only when the story
// log does. Pages are keyed by the log's last entry, so any change to any story renders afresh;
// the least recently asked page goes first once the kept pages hold more than the budget. Pages
// of an earlier state of the store are let go as soon as one of a later state is kept: no key
// asks for them again (under an ingest the cache otherwise filled its budget with them).

import { LRUCache } from 'lru-cache';

/** `keep: false`: a page of a brief that is being made again, answered but not kept. */
export type RenderedPage = { html: string; keep?: false } | { redirect: string };

/** Characters of HTML kept in all (UTF-16: twice as many bytes). */
const BUDGET_CHARS = 16 * 1024 * 1024;

export class PageCache {
  private readonly pages: LRUCache<string, RenderedPage>;
  private readonly making = new Map<string, Promise<RenderedPage>>();
  /** The state of the store (the log's last entry) the kept pages were rendered from. */
  private state = -Infinity;

  constructor(budget = BUDGET_CHARS) {
    // A page larger than the whole budget is not kept (lru-cache refuses it).
    this.pages = new LRUCache({ maxSize: budget, sizeCalculation: pageSize });
  }

  /**
   * The page under `key`, rendered by `render` when not kept (once, however many ask meanwhile); a
   * failure is not kept. `state`: the store state `key` names, when it names one (see above).
   */
  async get(key: string, render: () => Promise<RenderedPage>, state?: number): Promise<RenderedPage> {
    const kept = this.pages.get(key);
    if (kept) return kept;
    let pending = this.making.get(key);
    if (!pending) {
      pending = render()
        .then((page) => {
          this.keep(key, page, state);
          return page;
        })
        .finally(() => this.making.delete(key));
      this.making.set(key, pending);
    }
    return pending;
  }

  private keep(key: string, page: RenderedPage, state: number | undefined): void {
    if ('html' in page && page.keep === false) return;
    if (state !== undefined) {
      // A page rendered while the store moved on is answered, not kept.
      if (state < this.state) return;
      if (state > this.state) {
        this.pages.clear();
        this.state = state;
      }
    }
    this.pages.set(key, page);
  }
}

function pageSize(page: RenderedPage): number {
  return Math.max(1, 'html' in page ? page.html.length : page.redirect.length);
}
