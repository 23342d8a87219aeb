// Behaviour digests (issue 22): SHA-256 of what the product gives on fixed inputs, pinned in
// quality/digests.json and checked by behaviour-digests.test.ts, so that a refactor can show it
// changed nothing. `npx tsx scripts/print-digests.ts` prints the current ones in the file's format.
//
// - brief.*: the brief JSON of examples/ and ../shared/seeds/, built by `brief()` (what
//   `corroborate brief <dir>` runs), JSON.stringify'd. The inputs are named as a user at the
//   repository root names them ("examples", "../shared/seeds"), so a document's `source` (also
//   printed in the brief's markdown) is the same on every checkout. Nothing in a brief depends on
//   the run: no clock, no timing, no absolute path (checked twice in one process and in separate
//   processes), so no field is left out.
// - stream.*: a seeded synthetic stream (bench/stream-corpus.ts, the generator of `npm run bench`)
//   ingested with `ingest()` into a fresh SQLite store, then `listStories()`. Articles and stories
//   are named by source (`stream-00001.jsonl#17`), never by row id; a story by the first of its
//   articles in stream order. The store's wall-clock columns (created_at, story_log.at) are not read.
// - eval.*: the bytes of the files under ../shared/eval/ that the quality gates load, so a changed
//   data set shows beside the floor it moves.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeStream } from '../../bench/stream-corpus.ts';
import { loadStreamSources } from '../../bench/stream-sources.ts';
import { ingest, type IngestSummary } from '../../src/collect/ingest.ts';
import { brief } from '../../src/pipeline/run.ts';
import { openStore } from '../../src/store/open-store.ts';
import { listStories } from '../../src/store/stories.ts';
import { loadDataset } from './aeb-scorer.ts';
import { ALLSIDES_DIR } from './allsides.ts';
import { hasPolnear, POLNEAR_DIR, readPolnear } from './attribution-scorer.ts';
import { ECBPLUS_DIR, hasEcbplus, loadEcbplus } from './ecbplus.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = join(ROOT, '..', 'shared');
const SEEDS_DIR = join(SHARED, 'seeds');
const AEB_DIR = join(SHARED, 'eval', 'html-extraction-aeb');
export const DIGESTS_FILE = join(ROOT, 'quality', 'digests.json');
export const PRINT_COMMAND = 'npx tsx scripts/print-digests.ts';

/** The stream: big enough for hundreds of stories, merges and copies, small enough for ~10 s of CPU. */
export const STREAM_ARTICLES = 2000;
export const STREAM_SEED = 20261130;

/** The file's `_note` (kept here so that printing the digests gives the whole file). */
export const DIGESTS_NOTE = [
  'Behaviour digests, checked by test/quality/behaviour-digests.test.ts (in npm test): SHA-256 of what the product gives on fixed inputs, so a refactor can prove it changed nothing. How each is computed: test/quality/behaviour-digests.ts.',
  "brief.examples, brief.seeds: the brief JSON (JSON.stringify of brief(), what 'corroborate brief examples' and 'corroborate brief ../shared/seeds' run at the repository root). No field is left out: nothing in a brief depends on the run.",
  `stream.input: the JSON Lines files of the seeded synthetic stream (bench/stream-corpus.ts, ${STREAM_ARTICLES} articles, seed ${STREAM_SEED}), recombined from examples/, ../shared/seeds/ and the ECB+, PolNeAR (train and dev) and AEB ground-truth texts: if it changed, the generator or those inputs did, not ingest.`,
  'stream.assignment: that stream ingested by ingest() into a fresh SQLite store: each article (by source, e.g. stream-00001.jsonl#17) with its story (named by its first article in stream order) and the article it is a copy of.',
  'stream.stories: listStories() of that store, in its order: each story (named as above) with its title, first and last seen, articles, reports and outlets.',
  "eval.html-extraction-aeb: ground-truth.json and the html/<id>.html.gz of each page in it (floors key htmlExtraction). eval.attribution-polnear-dev: dev/text/<name>.txt and the .ann loadPolnear('dev') takes for each (attribution). eval.clustering-ecbplus: ECB+/<topic>/*.xml as loadEcbplus() lists them (clusteringEcbplus, clusteringEcbplusIngest, disagreementsEcbplus). eval.multi-outlet-allsides-val: val.source and val.target (corroborationAllsides). Each is over the files' paths and bytes.",
  `A digest may change only in a commit that says why it changed and what was measured (a changed brief: what differs and that the quality gates still pass; a changed data set: the scores on it). Print the current digests with: ${PRINT_COMMAND} (--write to update this file).`,
];

export interface DigestCheck {
  title: string;
  keys: string[];
  /** Why the check cannot run here (its inputs are missing), or null. */
  missing: () => string | null;
  compute: () => Promise<Record<string, string>>;
}

export const DIGEST_CHECKS: DigestCheck[] = [
  {
    title: 'the brief of examples/',
    keys: ['brief.examples'],
    missing: () => null,
    compute: async () => ({ 'brief.examples': await briefDigest('examples') }),
  },
  {
    title: 'the brief of ../shared/seeds/',
    keys: ['brief.seeds'],
    missing: () => (existsSync(SEEDS_DIR) ? null : `seeds not found at ${SEEDS_DIR}`),
    compute: async () => ({ 'brief.seeds': await briefDigest('../shared/seeds') }),
  },
  {
    title: `a seeded stream of ${STREAM_ARTICLES} articles ingested into SQLite, and its story list`,
    keys: ['stream.input', 'stream.assignment', 'stream.stories'],
    missing: streamSourcesMissing,
    compute: async () => (await streamDigests()).digests,
  },
  {
    title: 'the HTML extraction data set',
    keys: ['eval.html-extraction-aeb'],
    missing: () => (existsSync(join(AEB_DIR, 'ground-truth.json')) ? null : `${AEB_DIR} not found`),
    compute: async () => {
      const ids = Object.keys(loadDataset(AEB_DIR)!.truth).sort();
      return { 'eval.html-extraction-aeb': filesDigest(AEB_DIR, ['ground-truth.json', ...ids.map((id) => `html/${id}.html.gz`)]) };
    },
  },
  {
    title: 'the attribution data set (PolNeAR dev)',
    keys: ['eval.attribution-polnear-dev'],
    missing: () => (hasPolnear('dev') ? null : `PolNeAR dev not found at ${POLNEAR_DIR}`),
    compute: async () => {
      const files = readPolnear('dev').flatMap((f) => [`dev/text/${f.name}.txt`, `dev/attributions/${f.annotation}`]);
      return { 'eval.attribution-polnear-dev': filesDigest(POLNEAR_DIR, files) };
    },
  },
  {
    title: 'the clustering and disagreement data set (ECB+)',
    keys: ['eval.clustering-ecbplus'],
    missing: () => (hasEcbplus() ? null : `ECB+ not found at ${ECBPLUS_DIR}`),
    compute: async () => ({
      'eval.clustering-ecbplus': filesDigest(
        ECBPLUS_DIR,
        loadEcbplus().map((a) => `${a.topic}/${a.id}`),
      ),
    }),
  },
  {
    title: 'the corroboration data set (multi-outlet AllSides val)',
    keys: ['eval.multi-outlet-allsides-val'],
    missing: () => (existsSync(join(ALLSIDES_DIR, 'val.source')) && existsSync(join(ALLSIDES_DIR, 'val.target')) ? null : `multi-outlet-allsides val not found at ${ALLSIDES_DIR}`),
    compute: async () => ({ 'eval.multi-outlet-allsides-val': filesDigest(ALLSIDES_DIR, ['val.source', 'val.target']) }),
  },
];

export const DIGEST_KEYS = DIGEST_CHECKS.flatMap((c) => c.keys);

/** The pinned digests (the `_note` left out). */
export function readPinnedDigests(): Record<string, string> {
  const file = JSON.parse(readFileSync(DIGESTS_FILE, 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(file).filter((e): e is [string, string] => !e[0].startsWith('_') && typeof e[1] === 'string'));
}

/** The file's text for these digests, keys in DIGEST_KEYS order. */
export function digestsFileText(digests: Record<string, string>): string {
  const ordered = Object.fromEntries(DIGEST_KEYS.filter((k) => digests[k] !== undefined).map((k) => [k, digests[k]!]));
  return JSON.stringify({ _note: DIGESTS_NOTE, ...ordered }, null, 2) + '\n';
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Over each file's path (relative to `dir`, in the order given) and the SHA-256 of its bytes. */
function filesDigest(dir: string, files: string[]): string {
  return sha256(files.map((f) => `${f}\t${sha256(readFileSync(join(dir, f)))}\n`).join(''));
}

/** The brief of `spec` (a path as given at the repository root) as `brief()` builds it, JSON.stringify'd. */
export async function briefJson(spec: string): Promise<string> {
  const cwd = process.cwd();
  // Relative to the repository root, as the CLI is run there: a document's source is the path as given.
  process.chdir(ROOT);
  try {
    return JSON.stringify(await brief([spec]));
  } finally {
    process.chdir(cwd);
  }
}

async function briefDigest(spec: string): Promise<string> {
  return sha256(await briefJson(spec));
}

/** What loadStreamSources reads besides examples/: without any of it, the stream would be another one. */
function streamSourcesMissing(): string | null {
  const needed = [SEEDS_DIR, ECBPLUS_DIR, join(POLNEAR_DIR, 'train', 'text'), join(POLNEAR_DIR, 'dev', 'text'), join(AEB_DIR, 'ground-truth.json')];
  const absent = needed.filter((p) => !existsSync(p));
  return absent.length ? `the stream's source texts are not all here (missing ${absent.join(', ')})` : null;
}

export interface StreamDigests {
  digests: { 'stream.input': string; 'stream.assignment': string; 'stream.stories': string };
  summary: IngestSummary;
  stories: number;
  seconds: { generate: number; ingest: number };
}

/** `stream-00001.jsonl#17` in stream order: file, then line. */
function streamOrder(a: string, b: string): number {
  const [fa, la] = a.split('#');
  const [fb, lb] = b.split('#');
  return fa! < fb! ? -1 : fa! > fb! ? 1 : Number(la) - Number(lb);
}

export async function streamDigests(options: { prepareThreads?: number } = {}): Promise<StreamDigests> {
  const work = mkdtempSync(join(tmpdir(), 'corroborate-digests-'));
  try {
    let started = performance.now();
    const streamDir = join(work, 'stream');
    mkdirSync(streamDir);
    const corpus = writeStream(await loadStreamSources(ROOT, SHARED), { articles: STREAM_ARTICLES, seed: STREAM_SEED, dir: streamDir });
    const input = sha256(corpus.files.map((f) => `${f}\t${sha256(readFileSync(join(streamDir, f)))}\n`).join(''));
    const generate = (performance.now() - started) / 1000;

    started = performance.now();
    const db = await openStore(join(work, 'store.db'));
    try {
      // prepareThreads as ingest's default unless asked ($CORROBORATE_PREPARE_THREADS, else one per core but one).
      const summary = await ingest(db, [streamDir], options.prepareThreads === undefined ? {} : { prepareThreads: options.prepareThreads });
      const ingestSeconds = (performance.now() - started) / 1000;
      const rows = await db.all<{ id: number; source: string; story_id: number | null; copy_of: number | null }>('SELECT id, source, story_id, copy_of FROM articles');
      // The temp dir differs per run: a source is its file name and line.
      const sourceOf = new Map(rows.map((r) => [Number(r.id), basename(r.source)]));
      const members = new Map<number, string[]>();
      for (const r of rows) {
        if (r.story_id === null) continue;
        const list = members.get(Number(r.story_id)) ?? [];
        list.push(sourceOf.get(Number(r.id))!);
        members.set(Number(r.story_id), list);
      }
      const storyName = new Map([...members].map(([id, sources]) => [id, sources.sort(streamOrder)[0]!]));
      const assignment = rows
        .map((r) => [sourceOf.get(Number(r.id))!, r.story_id === null ? '' : storyName.get(Number(r.story_id))!, r.copy_of === null ? '' : sourceOf.get(Number(r.copy_of))!] as const)
        .sort((a, b) => streamOrder(a[0], b[0]))
        .map((fields) => fields.join('\t'))
        .join('\n');
      const stories = (await listStories(db)).map((s) => ({
        story: storyName.get(Number(s.id)) ?? null,
        title: s.title,
        firstSeen: s.first_seen,
        lastSeen: s.last_seen,
        articles: Number(s.articles),
        reports: Number(s.reports),
        outlets: Number(s.outlets),
      }));
      return {
        digests: { 'stream.input': input, 'stream.assignment': sha256(assignment), 'stream.stories': sha256(JSON.stringify(stories)) },
        summary,
        stories: stories.length,
        seconds: { generate, ingest: ingestSeconds },
      };
    } finally {
      await db.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
