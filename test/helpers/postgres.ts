// A throwaway PostgreSQL server on loopback for the store tests: Debian's binaries, a cluster in a
// temp dir, a free port. $CORROBORATE_TEST_PG (a postgres:// URL) uses a running server instead.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** A URL of a fresh, empty database on the server. */
  newDatabase(): Promise<string>;
  /** Stops the server (immediate shutdown) and starts it again on the same port and data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const PG_ROOT = '/usr/lib/postgresql';

function binDir(): string | null {
  if (!existsSync(PG_ROOT)) return null;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(PG_ROOT, versions[0]!, 'bin') : null;
}

export const POSTGRES_MISSING = 'PostgreSQL not found: the store tests need Debian\'s server — run "apt-get install -y postgresql" (as root), or set CORROBORATE_TEST_PG to a postgres:// URL';

export function postgresAvailable(): boolean {
  return !!process.env.CORROBORATE_TEST_PG || binDir() !== null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

let databases = 0;

export async function startPostgres(): Promise<TestPostgres> {
  const external = process.env.CORROBORATE_TEST_PG;
  if (external)
    return serverAt(
      external,
      async () => undefined,
      async () => undefined,
    );

  const bin = binDir();
  if (!bin) throw new Error(POSTGRES_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-pg-'));
  // PostgreSQL refuses to run as root: the cluster then belongs to the postgres user, and the server
  // runs as that user directly (not through runuser, which would not pass our signals on).
  const owner = process.getuid?.() === 0 ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) } : {};
  if ('uid' in owner) chownSync(dir, owner.uid!, owner.gid!);
  const data = join(dir, 'data');
  execFileSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], { stdio: 'ignore', cwd: dir, ...owner });
  const port = await freePort();
  let server: ChildProcess | null = null;

  const start = async () => {
    const args = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=60'];
    server = spawn(join(bin, 'postgres'), args, { stdio: 'ignore', cwd: dir, ...owner });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        await client.end().catch(() => undefined);
        if (Date.now() > deadline) throw new Error('PostgreSQL did not start within 30 s');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  const halt = async () => {
    const proc = server;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGQUIT'); // immediate shutdown, like a crash for the clients
    await exited;
  };
  await start();
  // A test run that ends without stop() (a crash, a timeout) must not leave a server behind.
  process.once('exit', () => server?.kill('SIGQUIT'));
  return serverAt(
    `postgres://postgres@127.0.0.1:${port}/postgres`,
    async () => {
      await halt();
      await start();
    },
    async () => {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  );
}

function serverAt(adminUrl: string, restart: () => Promise<void>, stop: () => Promise<void>): TestPostgres {
  return {
    async newDatabase() {
      const name = `corroborate_test_${process.pid}_${++databases}`;
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    restart,
    stop,
  };
}
