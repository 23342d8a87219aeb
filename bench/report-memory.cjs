// Preloaded into the server by `bench:soak` (node --require): on SIGUSR2 the server writes its
// main thread's process.memoryUsage() to stderr as one line, so the soak can tell V8's heap from
// the rest of a growing RSS. Not part of the product.
process.on('SIGUSR2', () => process.stderr.write(`memory-usage ${JSON.stringify(process.memoryUsage())}\n`));
