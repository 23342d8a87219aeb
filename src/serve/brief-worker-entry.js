// The server's brief thread when corroborate runs from its TypeScript sources (the CLI bundle has
// its own, brief-worker.cjs). Plain JavaScript, so the thread starts under plain node and loads the
// TypeScript worker through tsx's API (a worker thread gets no loader hooks of its parent).
const { tsImport } = await import('tsx/esm/api');
await tsImport('./brief-worker.ts', import.meta.url);
