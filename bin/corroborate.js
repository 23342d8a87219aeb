#!/usr/bin/env -S node --max-semi-space-size=32
// Installed entry (`corroborate`): the CLI from its bundle, as `npm run corroborate` runs it
// (src/cli/launch.js builds the bundle when the sources changed, and runs the TypeScript sources
// through tsx when it cannot be built, e.g. without esbuild), with the same larger young
// generation: an ingest's articles in flight outlive V8's default semi-spaces.
await import('../src/cli/launch.js');
