// Where a worker thread's code is: beside the CLI bundle (bundle.js builds `NAME.cjs` there) when
// the caller runs bundled, else the JavaScript entry `NAME-entry.js` beside the caller, which loads
// the TypeScript worker through tsx (a worker thread gets no loader hooks of its parent).

/** `from`: the caller's import.meta.url. */
export function workerUrl(name: string, from: string): URL {
  return new URL(from.endsWith('.cjs') ? `./${name}.cjs` : `./${name}-entry.js`, from);
}
