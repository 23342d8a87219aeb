// The prepare pool's thread when corroborate runs from its TypeScript sources (the CLI bundle
// has its own, prepare-worker.cjs). Plain JavaScript, so the thread starts under plain node: a
// worker thread does not get the loader hooks of the thread that started it (`--import tsx`,
// or the loader bin/corroborate.js registers), so the TypeScript worker is loaded through
// tsx's API, with a loader of this thread's own.
const { tsImport } = await import('tsx/esm/api');
await tsImport('./prepare-worker.ts', import.meta.url);
