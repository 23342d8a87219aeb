// Preloaded into the server by `bench:soak` (node --expose-gc --require): on SIGUSR2 the server
// collects its garbage, then writes its main thread's process.memoryUsage() to stderr as one
// line, so the soak can tell live data in V8's heap from heap merely reserved and from the rest
// of a growing RSS. Not part of the product.
process.on('SIGUSR2', () => {
  const before = process.memoryUsage().heapUsed;
  globalThis.gc?.();
  process.stderr.write(`memory-usage ${JSON.stringify({ ...process.memoryUsage(), heapUsedBeforeGc: before })}\n`);
});
