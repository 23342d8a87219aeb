// Load test of `corroborate serve`: a store of real articles (examples/, the seeds, the 982 ECB+
// articles), the server in its own process on loopback, and autocannon in this one hammering the
// story list, a story page, the API list and a story's brief. Reports requests/s and latency
// percentiles per route; JSON to bench/out/serve-load.json. Run: npm run bench:serve [-- --seconds 10 --connections 10]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openStore } from '../src/store/open-store.ts';
import { ingest } from '../src/collect/ingest.ts';
import { listStories } from '../src/store/stories.ts';
import { cachedStoryBrief } from '../src/collect/story-briefs.ts';
import { hasEcbplus, loadEcbplus } from '../test/quality/ecbplus.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' } } });
const seconds = Number(values.seconds);
const connections = Number(values.connections);

async function buildStore(dir: string): Promise<{ path: string; story: number; stories: number; articles: number }> {
  const articles = join(dir, 'articles');
  mkdirSync(articles);
  if (hasEcbplus()) for (const a of loadEcbplus()) writeFileSync(join(articles, a.id.replace(/\.xml$/, '.txt')), a.text);
  const path = join(dir, 'store.db');
  const db = await openStore(path);
  const summary = await ingest(db, [join(ROOT, 'examples'), join(ROOT, '../shared/seeds'), articles]);
  const stories = await listStories(db);
  // What the workers would have done: every story on the first page briefed.
  for (const s of stories.slice(0, 50)) await cachedStoryBrief(db, s.id);
  await db.close();
  return { path, story: stories[0]!.id, stories: stories.length, articles: summary.added + summary.copies };
}

function startServer(db: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--db', db, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const url = stderr.match(/at (http:\/\/\S+\/)/)?.[1];
      if (url) resolve({ url, stop: () => child.kill('SIGINT') });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
}

interface RouteResult {
  route: string;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

async function hammer(base: string, route: string): Promise<RouteResult> {
  const result = await autocannon({ url: base + route.slice(1), connections, duration: seconds });
  return {
    route,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'corroborate-load-'));
try {
  process.stderr.write('bench:serve: building the store…\n');
  const store = await buildStore(dir);
  const server = await startServer(store.path);
  try {
    const routes = ['/', `/stories/${store.story}`, '/api/stories?limit=50', `/api/stories/${store.story}/brief`, '/search?q=earthquake'];
    const results: RouteResult[] = [];
    for (const route of routes) {
      process.stderr.write(`bench:serve: ${route} for ${seconds} s, ${connections} connections…\n`);
      results.push(await hammer(server.url, route));
    }
    const lines = [
      `store: ${store.articles} articles in ${store.stories} stories (SQLite); server and load generator in two processes on loopback; ${connections} connections, ${seconds} s per route`,
      '',
      '| route | requests/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | errors |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...results.map((r) => `| ${r.route} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.non2xx} | ${r.errors} |`),
    ];
    process.stdout.write(lines.join('\n') + '\n');
    mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/out/serve-load.json'), JSON.stringify({ store, seconds, connections, results }, null, 2));
  } finally {
    server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
