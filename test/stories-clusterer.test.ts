// Story clustering on small invented articles: features, joining, keeping same-kind events apart,
// the time window, recorded merges, replaying state, BCubed and the baseline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agglomerativeBaseline, averageLinkage } from '../src/stories/baseline.ts';
import { bcubed } from '../src/stories/bcubed.ts';
import { StoryClusterer, type Assignment } from '../src/stories/clusterer.ts';
import { articleFeatures, type ArticleFeatures } from '../src/stories/features.ts';
import { topPositions } from '../src/stories/profile.ts';
import { lightStem } from '../src/text/stem.ts';

const ARTICLES: Record<string, string> = {
  council: 'The city council of Dranmoor approved a new budget for public libraries on Monday. Councillor Ruth Okafor said reading rooms would open longer, and the council will hire six librarians.',
  motors: 'Shares of Kelvane Motors rose after the carmaker reported record profits. Chief executive Tomas Ekholm said demand for electric vans was strong in every market the company serves.',
  quakeA1:
    'A magnitude 6.1 earthquake struck the town of Varnholt on Tuesday, killing at least 12 people. Mayor Elsa Brandt said rescue teams were searching collapsed buildings in Varnholt. The quake was felt across the Ostrava valley.',
  quakeB1:
    'A 5.4 magnitude earthquake hit Quillon early on Sunday, injuring dozens. Governor Marco Tessaro said several buildings collapsed in the old quarter of Quillon. The quake was felt along the Serrat coast.',
  quakeA2:
    "Rescuers in Varnholt pulled survivors from the rubble after Tuesday's 6.1 earthquake. Elsa Brandt, the town's mayor, said the death toll rose to 14 as teams searched collapsed buildings. Aftershocks shook the Ostrava valley overnight.",
  quakeB2:
    'Emergency crews in Quillon searched the rubble on Sunday after the 5.4 earthquake. Marco Tessaro, the regional governor, said 30 people were injured when buildings collapsed. Aftershocks rattled the Serrat coast.',
};

const features = (name: string): ArticleFeatures => articleFeatures(ARTICLES[name]!);

function feed(clusterer: StoryClusterer, names: readonly string[], published: string | null = null): Map<string, Assignment> {
  return new Map(names.map((name) => [name, clusterer.assign(name, features(name), published)]));
}

/** Three sentences first, so what follows is past the lead (whose words count twice). */
const AFTER_LEAD = 'It rained. It snowed. It cleared. ';

test('features: terms are lowercase, stemmed, without stopwords; names are capitalised words and their runs', () => {
  const f = articleFeatures(`${AFTER_LEAD}Police said Lindsay Lohan checked into the Betty Ford Center. Lohan was charged on Monday; charges follow.`);
  assert.equal(f.terms['the'], undefined);
  assert.equal(f.terms['said'], undefined);
  assert.equal(f.terms['charg'], 2, 'charged and charges meet');
  assert.equal(f.terms['check'], 1);
  assert.equal(f.names['lohan'], 2, 'a sentence-initial name counts once the article capitalises it inside a sentence');
  assert.equal(f.names['lindsay lohan'], 1);
  assert.equal(f.names['betty ford center'], 1);
  assert.equal(f.names['police'], undefined, 'a word capitalised only at the start of a sentence is no name');
  assert.equal(f.names['monday'], undefined, 'calendar words are no names');
  assert.deepEqual(JSON.parse(JSON.stringify(f)), f, 'JSON-serializable as is');
});

test('features: a title-case headline proves no names; the title is read as the first line', () => {
  const f = articleFeatures('Prices of bread rose sharply in the spring.', 'Baker Found Guilty Of Selling Stale Bread');
  assert.equal(f.names['guilty'], undefined);
  assert.equal(f.names['baker'], undefined);
  assert.ok(f.terms['guilty'], 'title words are terms');
});

test('features: numbers with a decimal point stay whole; one-character words and "constructor" are harmless', () => {
  const f = articleFeatures(`${AFTER_LEAD}A 6.1 quake and 1,000 aftershocks; a constructor and a constructor again. I x y.`);
  assert.equal(f.terms['6.1'], 1);
  assert.equal(f.terms['1,000'], 1);
  assert.equal(f.terms['constructor'], 2);
  assert.equal(f.terms['x'], undefined);
});

test('features: words of the title and the first three sentences count twice', () => {
  const f = articleFeatures('Floods hit Marlow. Rivers rose. Roads closed. Floods eased later; Marlow dried out.', 'Marlow floods');
  assert.equal(f.terms['marlow'], 2 + 2 + 1, 'title and first sentence, then the body');
  assert.equal(f.terms['flood'], 2 + 2 + 1);
  assert.equal(f.terms['road'], 1, 'the fourth sentence, counting the title, is past the lead');
  assert.equal(f.names['marlow'], 2 + 2 + 1, 'a name confirmed in the body counts in the title too');
});

test('lightStem: inflections meet, short words only lose a plural s', () => {
  assert.equal(lightStem('arrests'), lightStem('arrested'));
  assert.equal(lightStem('stopped'), 'stop');
  assert.equal(lightStem('killed'), 'kill');
  assert.equal(lightStem('cities'), 'city');
  assert.equal(lightStem('bus'), 'bus');
});

test('articles about one event join one story; the first starts it', () => {
  const clusterer = new StoryClusterer();
  const out = feed(clusterer, ['council', 'motors', 'quakeA1', 'quakeA2']);
  assert.equal(out.get('quakeA1')!.created, true);
  assert.equal(out.get('quakeA1')!.similarity, 0);
  assert.deepEqual(out.get('quakeA2'), { story: 'quakeA1', created: false, similarity: out.get('quakeA2')!.similarity });
  assert.ok(out.get('quakeA2')!.similarity > 0);
  assert.equal(clusterer.storyOf('quakeA2'), 'quakeA1');
  assert.equal(clusterer.storyOf('council'), 'council');
  assert.equal(clusterer.storyOf('unknown'), undefined);
});

test('two earthquakes with different places and people stay two stories', () => {
  const clusterer = new StoryClusterer();
  feed(clusterer, ['council', 'motors', 'quakeA1', 'quakeB1', 'quakeA2', 'quakeB2']);
  assert.equal(clusterer.storyOf('quakeA2'), 'quakeA1');
  assert.equal(clusterer.storyOf('quakeB1'), 'quakeB1');
  assert.equal(clusterer.storyOf('quakeB2'), 'quakeB1');
});

test('the time window: a story whose last article is older than the window is no candidate', () => {
  const clusterer = new StoryClusterer({ windowDays: 14 });
  clusterer.assign('council', features('council'), '2024-03-01T10:00:00Z');
  clusterer.assign('quakeA1', features('quakeA1'), '2024-03-02T10:00:00Z');
  const soon = clusterer.assign('quakeA2', features('quakeA2'), '2024-03-10T10:00:00Z');
  assert.equal(soon.story, 'quakeA1');
  const late = clusterer.assign('late', features('quakeA2'), '2024-05-20T10:00:00Z');
  assert.equal(late.created, true, 'two months after the story went quiet');
  const early = clusterer.assign('early', features('quakeA2'), '2023-01-05T10:00:00Z');
  assert.equal(early.created, true, 'a year before the live story began');
});

test("the window is measured from each article's own date: an archive arriving out of date order keeps its stories", () => {
  const clusterer = new StoryClusterer({ windowDays: 14 });
  clusterer.assign('quakeA1', features('quakeA1'), '2020-01-01T10:00:00Z');
  // Years later by date, arriving in between (a backfill, a second feed catching up).
  clusterer.assign('council', features('council'), '2024-03-01T10:00:00Z');
  clusterer.assign('motors', features('motors'), '2024-03-02T10:00:00Z');
  assert.equal(clusterer.assign('quakeA2', features('quakeA2'), '2020-01-03T10:00:00Z').story, 'quakeA1', 'joins the story of its own days');
  assert.equal(clusterer.assign('quakeB1', features('quakeB1'), '2022-06-01T10:00:00Z').created, true);
});

test('a story that gained nothing over `retireAfter` arrivals leaves the index', () => {
  const clusterer = new StoryClusterer({ retireAfter: 2 });
  clusterer.assign('quakeA1', features('quakeA1'), null);
  clusterer.assign('council', features('council'), null);
  clusterer.assign('motors', features('motors'), null);
  clusterer.assign('quakeB1', features('quakeB1'), null);
  assert.equal(clusterer.assign('quakeA2', features('quakeA2'), null).created, true, 'three arrivals after its last article');
});

test('articles without a date are not windowed, and neither are stories without one', () => {
  const clusterer = new StoryClusterer({ windowDays: 14 });
  clusterer.assign('quakeB1', features('quakeB1'), null);
  clusterer.assign('council', features('council'), '2024-03-01T10:00:00Z');
  clusterer.assign('motors', features('motors'), '2025-05-25T10:00:00Z');
  assert.equal(clusterer.assign('quakeB2', features('quakeB2'), '2025-06-01T10:00:00Z').story, 'quakeB1');
  assert.equal(clusterer.assign('undated', features('motors'), null).story, 'motors', 'an undated article joins a dated story');
});

test('an article close to two stories that are close to each other merges them, with a reason', () => {
  // A high join threshold (and no idf prior: shared words look common) keeps the two halves apart
  // until an article carries both.
  const clusterer = new StoryClusterer({ threshold: 0.6, mergeThreshold: 0.35, storyMergeThreshold: 0.1, idfPrior: 0 });
  clusterer.assign('a', articleFeatures('Elsa Brandt opened the Varnholt bridge. The bridge spans the Ostrava river near the old mill.'), null);
  clusterer.assign('b', articleFeatures('Traffic on the new Varnholt bridge was heavy as Elsa Brandt cut the ribbon; drivers queued for hours.'), null);
  assert.equal(clusterer.storyOf('b'), 'b', 'set up: two stories');
  const both = clusterer.assign(
    'c',
    articleFeatures(
      'Elsa Brandt opened the Varnholt bridge. The bridge spans the Ostrava river near the old mill. Traffic on the new Varnholt bridge was heavy as Elsa Brandt cut the ribbon; drivers queued for hours.',
    ),
    null,
  );
  assert.ok(both.merged, 'a merge is reported');
  assert.equal(both.story, 'a', 'the older story survives a tie in size');
  assert.deepEqual(both.merged.stories, ['b']);
  assert.match(both.merged.reason, /^article "c" is close to "(a|b)" \(similarity 0\.\d\d\) and "(a|b)" \(similarity 0\.\d\d\)/);
  assert.match(both.merged.reason, /naming [^;]*"elsa brandt"/);
  assert.match(both.merged.reason, /folded into "a"$/);
  assert.equal(clusterer.storyOf('b'), 'a', 'the folded story’s articles follow');
  assert.equal(clusterer.storyOf('c'), 'a');
});

test('restore() and restoreMerge() replay recorded decisions into the same state', () => {
  const options = { threshold: 0.6, mergeThreshold: 0.35, storyMergeThreshold: 0.1, idfPrior: 0 };
  const texts: [string, string, string | null][] = [
    ['council', ARTICLES.council!, '2024-03-01T08:00:00Z'],
    ['a', 'Elsa Brandt opened the Varnholt bridge. The bridge spans the Ostrava river near the old mill.', '2024-03-02T08:00:00Z'],
    ['b', 'Traffic on the new Varnholt bridge was heavy as Elsa Brandt cut the ribbon; drivers queued for hours.', null],
    [
      'c',
      'Elsa Brandt opened the Varnholt bridge. The bridge spans the Ostrava river near the old mill. Traffic on the new Varnholt bridge was heavy as Elsa Brandt cut the ribbon; drivers queued for hours.',
      '2024-03-03T08:00:00Z',
    ],
    ['quakeA1', ARTICLES.quakeA1!, '2024-03-04T08:00:00Z'],
    ['quakeA2', ARTICLES.quakeA2!, '2024-03-05T08:00:00Z'],
    ['motors', ARTICLES.motors!, '2024-04-30T08:00:00Z'],
  ];
  const live = new StoryClusterer(options);
  type Entry = { kind: 'assign'; id: string; story: string } | { kind: 'merge'; into: string; stories: string[] };
  const log: Entry[] = [];
  for (const [id, text, published] of texts) {
    const a = live.assign(id, articleFeatures(text), published);
    // The store writes a merge before the assignment that caused it.
    if (a.merged) log.push({ kind: 'merge', into: a.story, stories: a.merged.stories });
    log.push({ kind: 'assign', id, story: a.story });
  }
  assert.ok(
    log.some((e) => e.kind === 'merge'),
    'the sequence exercises a merge',
  );

  const replayed = new StoryClusterer(options);
  for (const entry of log) {
    if (entry.kind === 'merge') replayed.restoreMerge(entry.into, entry.stories);
    else replayed.restore(entry.id, articleFeatures(texts.find((t) => t[0] === entry.id)![1]), texts.find((t) => t[0] === entry.id)![2], entry.story);
  }
  for (const [id] of texts) assert.equal(replayed.storyOf(id), live.storyOf(id), id);
  for (const [id, text, published] of [
    ['next1', ARTICLES.quakeB1!, '2024-05-01T08:00:00Z'],
    ['next2', ARTICLES.quakeA2!, '2024-03-06T08:00:00Z'],
    ['next3', 'Elsa Brandt said the Varnholt bridge would close for repairs.', null],
  ] as const) {
    assert.deepEqual(replayed.assign(id, articleFeatures(text), published), live.assign(id, articleFeatures(text), published), id);
  }
});

test('a one-article story gets a second look after more articles came, and folds into the closest story', () => {
  // A join threshold no pair reaches: every article starts a story, and only the second looks join.
  const options = { threshold: 0.95, recheckAfter: 2, recheckThreshold: 0.2 };
  const live = new StoryClusterer(options);
  const order = ['quakeA1', 'quakeA2', 'council', 'motors', 'quakeB1', 'quakeB2'];
  type Entry = { kind: 'assign'; id: string; story: string } | { kind: 'merge'; into: string; stories: string[] };
  const log: Entry[] = [];
  const assignments = order.map((id) => {
    const a = live.assign(id, features(id), null);
    for (const c of a.consolidated ?? []) log.push({ kind: 'merge', into: c.into, stories: c.stories });
    log.push({ kind: 'assign', id, story: a.story });
    return a;
  });
  assert.ok(
    assignments.every((a) => a.created),
    'set up: no article joins on arrival',
  );
  // quakeA1's second look comes before the fourth article is decided: quakeA2 is its closest story.
  const [fold] = assignments[3]!.consolidated ?? [];
  assert.ok(fold, 'the fourth decision reports a fold');
  assert.deepEqual({ into: fold.into, stories: fold.stories }, { into: 'quakeA1', stories: ['quakeA2'] }, 'the older of two one-article stories survives');
  assert.match(fold.reason, /^story "quakeA1" \(one article\) is close to "quakeA2" \(similarity 0\.\d\d\) once 2 more articles have come; folded into "quakeA1"$/);
  assert.equal(live.storyOf('quakeA2'), 'quakeA1');
  assert.notEqual(live.storyOf('council'), live.storyOf('motors'), 'unrelated one-article stories stay apart');
  assert.notEqual(live.storyOf('quakeB1'), live.storyOf('quakeA1'), 'another quake stays apart');

  // Replaying the log (folds before the assignment that came after them) gives the same state.
  const replayed = new StoryClusterer(options);
  for (const entry of log) {
    if (entry.kind === 'merge') replayed.restoreMerge(entry.into, entry.stories);
    else replayed.restore(entry.id, features(entry.id), null, entry.story);
  }
  for (const id of order) assert.equal(replayed.storyOf(id), live.storyOf(id), id);
  assert.deepEqual(replayed.assign('next', features('quakeB2'), null), live.assign('next', features('quakeB2'), null));
});

test('restore() starts a story it has not seen and follows merges for ids folded away', () => {
  const clusterer = new StoryClusterer();
  clusterer.restore('x', features('council'), null, 'x');
  clusterer.restore('y', features('motors'), null, 'y');
  clusterer.restoreMerge('x', ['y']);
  clusterer.restore('z', features('motors'), null, 'y');
  assert.equal(clusterer.storyOf('y'), 'x');
  assert.equal(clusterer.storyOf('z'), 'x');
  clusterer.restoreMerge('missing', ['x']);
  assert.equal(clusterer.storyOf('x'), 'x', 'a merge into an unknown story is ignored');
});

test('BCubed on hand-computed examples', () => {
  const gold = new Map([
    ['a', '1'],
    ['b', '1'],
    ['c', '2'],
  ]);
  // a alone; b with c. Precision: a 1, b 1/2, c 1/2 → 2/3. Recall: a 1/2, b 1/2, c 1 → 2/3.
  const s = bcubed(
    new Map([
      ['a', 'X'],
      ['b', 'Y'],
      ['c', 'Y'],
    ]),
    gold,
  );
  assert.ok(Math.abs(s.precision - 2 / 3) < 1e-12);
  assert.ok(Math.abs(s.recall - 2 / 3) < 1e-12);
  assert.ok(Math.abs(s.f1 - 2 / 3) < 1e-12);
  const four = new Map([
    ['a', '1'],
    ['b', '1'],
    ['c', '2'],
    ['d', '2'],
  ]);
  const oneCluster = bcubed(new Map([...four.keys()].map((k) => [k, 'all'])), four);
  assert.deepEqual([oneCluster.precision, oneCluster.recall], [0.5, 1]);
  assert.ok(Math.abs(oneCluster.f1 - 2 / 3) < 1e-12);
  // Items the prediction does not name are singletons.
  const singletons = bcubed(new Map(), four);
  assert.deepEqual([singletons.precision, singletons.recall], [1, 0.5]);
  assert.deepEqual(bcubed(gold, gold), { precision: 1, recall: 1, f1: 1 });
});

test('average linkage merges by the mean similarity of all cross pairs', () => {
  // 0–1 close; 2 close to 0 (0.6) but far from 1 (0.0): average 0.3 to the pair {0,1}.
  const s = [
    [1, 0.9, 0.6],
    [0.9, 1, 0.0],
    [0.6, 0.0, 1],
  ];
  const merges = averageLinkage(Float64Array.from(s.flat()), 3);
  const heights = merges.map((m) => m.similarity).sort((a, b) => b - a);
  assert.deepEqual(heights, [0.9, 0.3]);
});

test('the baseline groups articles by TF-IDF cosine at a threshold', () => {
  const articles = ['council', 'quakeA1', 'quakeA2', 'motors'].map((id) => ({ id, terms: features(id).terms }));
  const clusters = agglomerativeBaseline(articles, 0.2);
  assert.equal(clusters.get('quakeA1'), clusters.get('quakeA2'));
  assert.notEqual(clusters.get('council'), clusters.get('motors'));
  assert.notEqual(clusters.get('council'), clusters.get('quakeA1'));
});

test('topPositions keeps the largest scores in position order, ties to the earlier ones', () => {
  assert.deepEqual(topPositions(Float64Array.from([0.1, 0.5, 0.3, 0.5, 0.2]), 2), [1, 3]);
  assert.deepEqual(topPositions(Float64Array.from([1, 1, 1]), 2), [0, 1]);
  assert.deepEqual(topPositions(Float64Array.from([3, 1]), 5), [0, 1]);
  assert.deepEqual(topPositions(Float64Array.from([3, 1]), 0), []);
});

test('at the start of a stream, a second report of the same event joins the first', () => {
  // With no documents seen, the words two reports share must not look common (df 1 of 1) next to
  // the words only the new one has: the idf prior keeps a fresh store's first decisions sound.
  const clusterer = new StoryClusterer();
  clusterer.assign('first', articleFeatures('Harbour officials in Kessendorf closed the ferry terminal on Tuesday after a crane collapsed onto the main pier, injuring two dock workers.'), null);
  const second = clusterer.assign(
    'second',
    articleFeatures('Two dock workers were hurt when a crane fell on the main pier of the Kessendorf ferry terminal, which harbour officials shut until further notice.'),
    null,
  );
  assert.equal(second.story, 'first');
  const cold = new StoryClusterer({ idfPrior: 0 });
  cold.assign('first', articleFeatures('Harbour officials in Kessendorf closed the ferry terminal on Tuesday after a crane collapsed onto the main pier, injuring two dock workers.'), null);
  const unsteady = cold.assign(
    'second',
    articleFeatures('Two dock workers were hurt when a crane fell on the main pier of the Kessendorf ferry terminal, which harbour officials shut until further notice.'),
    null,
  );
  // Without the prior the shared words weigh less than the new ones (examples/ split into one-article stories that way).
  assert.ok(second.similarity > unsteady.similarity + 0.1, `${second.similarity} vs ${unsteady.similarity}`);
});
