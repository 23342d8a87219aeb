// An editor's corrections from the story page (serve/edit-routes.ts): "not a conflict", merge and
// split, each with a reason, written to the story log; only with the page's token, only from the
// server's own origin, only on a server that edits (loopback).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { parseHTML } from 'linkedom';
import { openStore } from '../src/store/open-store.ts';
import type { Database } from '../src/store/database.ts';
import { ingest } from '../src/collect/ingest.ts';
import { buildServer } from '../src/serve/server.ts';
import type { Brief } from '../src/schema.ts';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
let dir: string;
let db: Database;
let app: FastifyInstance;
let story: number;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-serve-edit-'));
  db = await openStore(join(dir, 'store.db'));
  await ingest(db, [EXAMPLES]);
  story = Number((await db.one<{ story_id: number }>('SELECT story_id FROM articles ORDER BY id LIMIT 1'))!.story_id);
  app = buildServer({ db, editing: true });
});
after(async () => {
  await app?.close();
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function page(url: string): Promise<Document> {
  const response = await app.inject({ url });
  assert.equal(response.statusCode, 200, url);
  return parseHTML(response.body).document;
}

function post(url: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return app.inject({ method: 'POST', url, payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
}

const logKinds = async () => (await db.all<{ kind: string; reason: string }>('SELECT kind, reason FROM story_log WHERE kind <> $1 ORDER BY seq', ['assign'])).map((r) => `${r.kind}: ${r.reason}`);

/** The disagreements the story list's badge counts for the story, and whether "contested" keeps it. */
async function listed(): Promise<{ badge: number | null; contested: boolean }> {
  const all = (await app.inject({ url: '/api/stories?limit=100' })).json() as { stories: { id: number; disagreements: number | null }[] };
  const contested = (await app.inject({ url: '/api/stories?limit=100&contested=true' })).json() as { stories: { id: number }[] };
  return { badge: all.stories.find((s) => s.id === story)!.disagreements, contested: contested.stories.some((s) => s.id === story) };
}

test('not a conflict: the disagreement moves to its own section with the reason, and the log says so', async () => {
  const brief = (await app.inject({ url: `/api/stories/${story}/brief` })).json() as Brief;
  assert.deepEqual(await listed(), { badge: brief.disagreements.length, contested: true });
  const doc = await page(`/stories/${story}`);
  const form = doc.querySelector(`form[action="/stories/${story}/dismiss"]`)!;
  assert.ok(form, 'the story page offers "not a conflict"');
  const token = form.querySelector('input[name=token]')!.getAttribute('value')!;
  const options = [...form.querySelectorAll('select[name=disagreement] option')];
  assert.equal(options.length, brief.disagreements.length);
  const chosen = options[0]!.getAttribute('value')!;
  const about = brief.disagreements[0]!.about;

  // Without the token, from another origin, or without a reason: refused, nothing written.
  assert.equal((await post(`/stories/${story}/dismiss`, { disagreement: chosen, reason: 'x' })).statusCode, 403);
  assert.equal((await post(`/stories/${story}/dismiss`, { token, disagreement: chosen, reason: 'x' }, { origin: 'http://evil.example' })).statusCode, 403);
  assert.equal((await post(`/stories/${story}/dismiss`, { token, disagreement: chosen, reason: '  ' })).statusCode, 400);
  assert.equal((await post(`/stories/${story}/dismiss`, { token, disagreement: 'nonsense', reason: 'x' })).statusCode, 400);
  assert.deepEqual(await logKinds(), []);

  const done = await post(`/stories/${story}/dismiss`, { token, disagreement: chosen, reason: 'two figures about different things' }, { origin: 'http://localhost:80' });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, `/stories/${story}#dismissed`);
  assert.deepEqual(await logKinds(), ['dismiss: two figures about different things']);
  const after = await page(`/stories/${story}`);
  const dismissed = after.querySelector('#dismissed')!;
  assert.ok(dismissed.textContent!.includes(about) && dismissed.textContent!.includes('two figures about different things'));
  const active = [...after.querySelectorAll('#disagreements .disagreement h3')].map((h) => h.textContent ?? '');
  assert.equal(active.length, brief.disagreements.length - 1);
  assert.ok(!active.some((h) => h.startsWith(about)), 'the dismissed disagreement is no longer among the active ones');
  // The list counts what is still shown.
  assert.deepEqual(await listed(), { badge: brief.disagreements.length - 1, contested: brief.disagreements.length > 1 });
  // The brief itself is unchanged: what the sources say.
  assert.equal(((await app.inject({ url: `/api/stories/${story}/brief` })).json() as Brief).disagreements.length, brief.disagreements.length);
});

test('split and merge from the page: an article leaves as a story of its own and comes back', async () => {
  const doc = await page(`/stories/${story}`);
  const split = doc.querySelector(`form[action="/stories/${story}/split"]`)!;
  const token = split.querySelector('input[name=token]')!.getAttribute('value')!;
  const article = split.querySelectorAll('input[name=articles]')[1]!.getAttribute('value')!;
  const moved = await post(`/stories/${story}/split`, { token, articles: [article], reason: 'another event' });
  assert.equal(moved.statusCode, 303);
  const created = Number(/^\/stories\/(\d+)$/.exec(String(moved.headers.location))![1]);
  assert.notEqual(created, story);
  assert.equal(Number((await db.one<{ story_id: number }>('SELECT story_id FROM articles WHERE id = $1', [Number(article)]))!.story_id), created);
  const back = await post(`/stories/${story}/merge`, { token, other: String(created), reason: 'the same event after all' });
  assert.equal(back.statusCode, 303);
  assert.equal(back.headers.location, `/stories/${story}`);
  assert.equal(Number((await db.one<{ story_id: number }>('SELECT story_id FROM articles WHERE id = $1', [Number(article)]))!.story_id), story);
  assert.deepEqual((await logKinds()).slice(-2), ['split: another event', 'merge: the same event after all']);
});

test('a server that does not edit (not on loopback) shows no forms and takes no posts', async () => {
  const reader = buildServer({ db });
  try {
    const body = (await reader.inject({ url: `/stories/${story}` })).body;
    assert.doesNotMatch(body, /<form method="post"/);
    const refused = await reader.inject({ method: 'POST', url: `/stories/${story}/merge`, payload: 'other=1&reason=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.ok(refused.statusCode === 404 || refused.statusCode === 415, String(refused.statusCode));
  } finally {
    await reader.close();
  }
});

test("a story merged into another brings its editors' judgements along", async () => {
  const { dismissDisagreement, dismissalsOf } = await import('../src/collect/dismissals.ts');
  const { mergeStoriesBy, splitStoryBy } = await import('../src/collect/edit-stories.ts');
  const article = Number((await db.one<{ id: number }>('SELECT MAX(id) AS id FROM articles WHERE story_id = $1', [story]))!.id);
  const apart = await splitStoryBy(db, story, [article], 'for the test');
  const judged = { kind: 'number' as const, about: 'How many: “trucks”', variants: [{ value: '12 trucks' }, { value: '15 trucks' }] as never };
  await dismissDisagreement(db, apart, judged, 'two counts of different fleets');
  assert.equal((await dismissalsOf(db, story)).size, 1, "before the merge: only the story's own judgement");
  await mergeStoriesBy(db, story, [apart], 'one event');
  const after = await dismissalsOf(db, story);
  assert.equal(after.size, 2);
  assert.ok([...after.values()].some((d) => d.reason === 'two counts of different fleets'));
});
