// The layering of DESIGN §2, checked on every `npm run lint` (npm run lint:deps).
//
//   apps/*            may import any library
//   libs/ledger       sits above the store: may import event-store and kernel
//   libs/read-models  may import domain, policy, event-store, kernel (never an app)
//   libs/event-store  the store and its contract: may import kernel only among the libraries below it
//   libs/domain       may import policy and kernel
//   libs/policy       may import kernel
//   libs/kernel       errors, dates, working days: imports no other library
//
// domain, policy and kernel are pure: no Nest, no database driver, no HTTP, no file system, no network.
// No module may take part in a circle (type-only imports count: a circle of types is still a circle).

/** Packages and node core modules that do I/O or belong to a framework: never in a pure library. */
const impureNpm = 'node_modules/(@nestjs|typeorm|pg|pg-[^/]+|@eventstore|express|@electric-sql|helmet|exceljs)/';
const ioCore = '^(node:)?(fs|fs/promises|net|http|https|http2|tls|dgram|child_process|worker_threads|cluster)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle means two modules are one unit in disguise: move the shared part down into its own module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libs-not-to-apps',
      severity: 'error',
      comment: 'Libraries sit below the apps: an app wires libraries together, never the other way round.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'pure-libs-no-frameworks',
      severity: 'error',
      comment: 'domain, policy and kernel are plain functions of their inputs: no Nest, no database, no HTTP server.',
      from: { path: '^libs/(domain|policy|kernel)/' },
      to: { path: impureNpm },
    },
    {
      name: 'pure-libs-no-io',
      severity: 'error',
      comment: 'domain, policy and kernel do no I/O: no file system, no network (a spec may read a fixture file).',
      from: { path: '^libs/(domain|policy|kernel)/', pathNot: '[.]spec[.]ts$' },
      to: { dependencyTypes: ['core'], path: ioCore },
    },
    {
      name: 'kernel-imports-no-library',
      severity: 'error',
      comment: 'The kernel is the bottom layer: it imports no other library.',
      from: { path: '^libs/kernel/' },
      to: { path: '^libs/', pathNot: '^libs/kernel/' },
    },
    {
      name: 'policy-imports-only-kernel',
      severity: 'error',
      comment: 'The policy catalogue is data and rules over the kernel; the domain imports policy, not the other way.',
      from: { path: '^libs/policy/' },
      to: { path: '^libs/', pathNot: '^libs/(policy|kernel)/' },
    },
    {
      name: 'domain-imports-only-kernel-and-policy',
      severity: 'error',
      comment: 'Deciders know the policy and the kernel, nothing of stores, projections or the ledger.',
      from: { path: '^libs/domain/' },
      to: { path: '^libs/', pathNot: '^libs/(domain|policy|kernel)/' },
    },
    {
      name: 'event-store-not-up',
      severity: 'error',
      comment:
        'The store is a contract below the ledger and the read models: it may use the kernel, ' +
        'never the ledger, the domain, the policy or the read models.',
      from: { path: '^libs/event-store/' },
      to: { path: '^libs/(ledger|domain|policy|read-models)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing (a typo, or an @casework/* name missing from tsconfig paths).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|data|coverage|node_modules)/' },
    // Type-only imports are dependencies too: they make circles and cross layers just the same.
    tsPreCompilationDeps: true,
    // Resolves the @casework/* names through the tsconfig "paths".
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
