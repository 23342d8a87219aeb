// A story's page while its first brief is still being made (a big story takes seconds): the
// story's header, one sentence, and a refresh that asks again, so no request waits on a brief.
import type { StoryDetail } from '../story-data.ts';
import { page } from './layout.ts';
import { storyHeader, storyTitle } from './story-header.ts';

/** Seconds before the browser asks for the page again. */
const REFRESH_SECONDS = 3;

export function preparingPage(detail: StoryDetail, view: '' | '/sources'): string {
  const main = `${storyHeader(detail, view ? 'sources' : 'brief')}
<p class="preparing" role="status">The brief of this story is being prepared from its ${detail.articles.length} articles. This page reloads itself in a few seconds.</p>`;
  return page({ title: storyTitle(detail), main, refresh: REFRESH_SECONDS });
}
