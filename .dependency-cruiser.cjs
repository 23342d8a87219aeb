// The layer order of CONTRIBUTING.md ("The layers"), enforced: a module imports only from its own
// layer or the layers before it, and nothing imports the interfaces. Run: npx depcruise src
// (npm test runs it through test/layers.test.ts).
const later = (...layers) => `^src/(${layers.join('|')})/`;
const AFTER_SHARED = ['ingest', 'clean', 'analyse', 'compare', 'brief', 'pipeline', 'stories', 'store', 'collect', 'work', 'serve', 'cli'];
const after = (layer) => AFTER_SHARED.slice(AFTER_SHARED.indexOf(layer) + 1);

/** A layer may not import the layers listed after it. */
function layer(name, from, forbidden) {
  return { name, severity: 'error', comment: `${from} may not import ${forbidden.join(', ')}`, from: { path: from }, to: { path: later(...forbidden) } };
}

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'modules import each other in a circle', from: { path: '^src/' }, to: { circular: true } },
    layer('shared-helpers', '^src/(util|text)/|^src/schema(-json)?\\.ts$', AFTER_SHARED),
    layer('ingest', '^src/ingest/', after('ingest')),
    layer('clean', '^src/clean/', after('clean')),
    layer('analyse', '^src/analyse/', after('analyse')),
    layer('compare', '^src/compare/', after('compare')),
    // The brief and the pipeline that makes it are one layer.
    layer('brief', '^src/(brief|pipeline)/', ['stories', 'store', 'collect', 'work', 'serve', 'cli']),
    // Stories: clustering and the store first, then collect (ingest into the store), then the workers.
    layer('stories', '^src/(stories|store)/', ['collect', 'work', 'serve', 'cli']),
    layer('collect', '^src/collect/', ['work', 'serve', 'cli']),
    layer('work', '^src/work/', ['serve', 'cli']),
    layer('serve', '^src/serve/', ['cli']),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^src/cli/bundle\\.js$' },
  },
};
