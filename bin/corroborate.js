#!/usr/bin/env node
// Installed entry (`corroborate`): the CLI from its bundle, as `npm run corroborate` runs it
// (src/cli/launch.js builds the bundle when the sources changed, and runs the TypeScript sources
// through tsx when it cannot be built, e.g. without esbuild).
await import('../src/cli/launch.js');
