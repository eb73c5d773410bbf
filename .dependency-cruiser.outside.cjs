// Outside the server, code and tests reach it through packages only: a test gets a real app,
// factories and the few internals it drives from @saasready/test-kit (the one place that imports
// the server's test helpers by path), other code from @saasready/server/internal/*.js. Checked by
// `npm run lint:deps` next to the server's own layer rules (.dependency-cruiser.cjs).
module.exports = {
  forbidden: [
    {
      name: 'server-through-a-package',
      comment: 'Import @saasready/test-kit (tests) or @saasready/server/internal/*.js instead of packages/server/src or packages/server/test by relative path.',
      severity: 'error',
      from: { path: '^(packages|examples)/[^/]+/', pathNot: '^packages/(server|test-kit)/' },
      to: { path: '^packages/server/(src|test)/', dependencyTypesNot: ['npm', 'npm-dev', 'npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    // the server's own graph is .dependency-cruiser.cjs's business: stop at its edge (and test-kit's)
    doNotFollow: { path: ['node_modules', '^packages/(server|test-kit)/'] },
    exclude: { path: ['node_modules', '/dist/'] },
    parser: 'swc',
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
