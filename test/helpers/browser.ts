// What a browser test listens for on every page: dialogs (an alert() from a payload), page errors
// and console errors (a Content-Security-Policy report means a page's own style or script was refused).
import type { Page } from 'playwright-core';

export function watchPage(page: Page, seen: { dialogs: string[]; errors: string[] }): void {
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
}
