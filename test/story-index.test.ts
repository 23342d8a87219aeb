// The story index's near-copy memory: bounded to the stories that last had an article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filingFeatures, StoryIndex, type FilingFeatures } from '../src/collect/story-index.ts';
import { articleFeatures, sketchOf } from '../src/stories/features.ts';

const EVENTS = [
  'Floodwater closed the Marrow Lane rail tunnel in Oskvik on Monday after the river Tessel burst its banks overnight.',
  'The Brennholt city council approved a new tram depot beside the harbour after a four-hour debate on Tuesday.',
  'A fire at the Quillan paper mill forced three hundred workers to leave the site as smoke drifted over the valley.',
  'Astronomers at the Vell ridge observatory reported a comet that will pass close to Earth next spring.',
  'Farmers in the Dusk plain blocked the motorway near Harlen with tractors to protest against a new water tax.',
];

function featuresOf(text: string): FilingFeatures {
  return filingFeatures({ ...articleFeatures(text), sketch: sketchOf(text) });
}

test('near copies are found only among the most recently active stories, so memory stays bounded', () => {
  const index = new StoryIndex(3);
  EVENTS.forEach((text, i) => index.assign(i + 1, featuresOf(text), null));
  const copyOf = (i: number) => index.nearCopyIn(i + 1, sketchOf(EVENTS[i]!), 999);
  assert.equal(copyOf(0), null, 'the oldest stories left the near-copy memory');
  assert.equal(copyOf(1), null);
  for (const i of [2, 3, 4]) assert.equal(copyOf(i)?.article, i + 1, `story ${i + 1} still finds its copy`);
});
