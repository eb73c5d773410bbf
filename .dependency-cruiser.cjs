// The server's dependency rule (arrows point down only), checked by
// `npm run lint:deps` inside `npm test` (a few seconds). Test files are not cruised: they may import
// anything. TypeScript 7 has no compiler API dependency-cruiser can load, so @swc/core parses the
// sources (type-only imports count: the graph is a DAG for types too).
//
// Layers, top to bottom: cli → server → app → plugins → modules → cache → lib → db.
// config.ts and types.ts (declarations only) sit with lib.
const S = '^packages/server/src/';
const LAYERS = [
  ['cli', [`${S}cli\\.ts$`]],
  ['server', [`${S}(server|cluster)\\.ts$`]],
  ['app', [`${S}app\\.ts$`]],
  ['plugins', [`${S}plugins/`]],
  ['modules', [`${S}modules/`]],
  ['cache', [`${S}cache/`]],
  ['lib', [`${S}lib/`, `${S}(config|types)\\.ts$`]],
  ['db', [`${S}db/`]],
];

const layerRules = LAYERS.slice(1).map(([name, paths], index) => ({
  name: `layer-${name}`,
  comment: `${name} imports nothing above it (${LAYERS.slice(0, index + 1).map(([n]) => n).join(', ')})`,
  severity: 'error',
  from: { path: paths },
  to: { path: LAYERS.slice(0, index + 1).flatMap(([, p]) => p) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'The import graph is a DAG.',
      severity: 'error',
      from: { path: S },
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'module-through-service',
      comment: 'A module uses another module through its service.ts (or its errors.ts / rules.ts), never its repository or other files.',
      severity: 'error',
      from: { path: `${S}modules/([^/]+)/` },
      to: { path: `${S}modules/[^/]+/`, pathNot: [`${S}modules/$1/`, `${S}modules/[^/]+/(service|errors|rules)\\.ts$`] },
    },
    {
      name: 'repository-stays-home',
      comment: "Only a module's own files import its repository.ts.",
      severity: 'error',
      from: { path: S, pathNot: `${S}modules/` },
      to: { path: `${S}modules/[^/]+/repository\\.ts$` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.test\\.ts$', '/test/', 'node_modules', '/dist/'] },
    includeOnly: '^packages/server/src/',
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'packages/server/tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
