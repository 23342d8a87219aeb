// Packages only some inputs or commands need, loaded the first time one is needed. linkedom
// alone takes about 200 ms to load, and a brief of plain-text reports never parses a page. The
// callers are synchronous, so the packages are required (each has a CommonJS entry), not imported.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A function returning the package `name`, loaded on its first call. */
export function loadLate<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
