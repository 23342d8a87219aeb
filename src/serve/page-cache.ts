// Rendered story pages, kept while the store stays as it was when they were rendered. A story page
// reads the story's brief (hundreds of kilobytes of JSON for a big story) and renders all of it
// with its sources: about 10 ms of CPU every time, for a page that changes only when the story
// log does. Pages are keyed by the log's last entry, so any change to any story renders afresh;
// the least recently asked page goes first once the kept pages hold more than the budget.

/** `keep: false`: a page of a brief that is being made again, answered but not kept. */
export type RenderedPage = { html: string; keep?: false } | { redirect: string };

/** Characters of HTML kept in all (UTF-16: twice as many bytes). */
const BUDGET_CHARS = 16 * 1024 * 1024;

export class PageCache {
  private readonly pages = new Map<string, RenderedPage>();
  private readonly making = new Map<string, Promise<RenderedPage>>();
  private chars = 0;

  constructor(private readonly budget = BUDGET_CHARS) {}

  /** The page under `key`, rendered by `render` when not kept (once, however many ask meanwhile); a failure is not kept. */
  async get(key: string, render: () => Promise<RenderedPage>): Promise<RenderedPage> {
    const kept = this.pages.get(key);
    if (kept) {
      // Asked again: now the most recent.
      this.pages.delete(key);
      this.pages.set(key, kept);
      return kept;
    }
    let pending = this.making.get(key);
    if (!pending) {
      pending = render()
        .then((page) => {
          this.keep(key, page);
          return page;
        })
        .finally(() => this.making.delete(key));
      this.making.set(key, pending);
    }
    return pending;
  }

  private keep(key: string, page: RenderedPage): void {
    const size = 'html' in page ? page.html.length : page.redirect.length;
    if (size > this.budget || ('html' in page && page.keep === false)) return;
    this.pages.set(key, page);
    this.chars += size;
    for (const [oldKey, old] of this.pages) {
      if (this.chars <= this.budget) break;
      this.pages.delete(oldKey);
      this.chars -= 'html' in old ? old.html.length : old.redirect.length;
    }
  }
}
