// An HTTPS fetch against a local TLS server with a throwaway certificate: the page is read when the
// certificate is trusted (NODE_EXTRA_CA_CERTS, as a newsroom proxy's CA would be), and refused with
// one line when it is not. Certificate checks are never switched off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'src/cli/main.ts');
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

function clean(url: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'clean', url, '--allow-private-urls', '--quiet'], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('HTTPS: a page behind a trusted certificate is read; an untrusted one is refused in one line', { skip: hasOpenssl ? false : 'needs openssl for a throwaway certificate' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']);
  assert.equal(made.status, 0, made.stderr.toString());
  const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      '<html><head><title>Ferry service resumes</title></head><body><article><h1>Ferry service resumes</h1><p>Ferry crossings suspended after the storm resumed on Friday morning, the harbour authority said, once divers had checked the damaged pier.</p></article></body></html>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/ferry`;
  try {
    const trusted = await clean(url, { ...process.env, NODE_EXTRA_CA_CERTS: cert });
    assert.equal(trusted.code, 0, trusted.stderr);
    const doc = JSON.parse(trusted.stdout.trim());
    assert.equal(doc.title, 'Ferry service resumes');
    assert.match(doc.text, /resumed on Friday morning/);

    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    const untrusted = await clean(url, env);
    assert.equal(untrusted.code, 1);
    assert.equal(untrusted.stdout, '');
    assert.equal(untrusted.stderr.trim().split('\n').length, 1, untrusted.stderr);
    assert.match(untrusted.stderr, /^corroborate: https:\/\/127\.0\.0\.1:\d+\/ferry: .*certificate/i);
  } finally {
    server.close();
  }
});
