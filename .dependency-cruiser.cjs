// Dependency rules of the modular monolith (docs: ARCHITECTURE.md, "Dependency rules").
// Run by `npm run lint` as `depcruise src migrations --config .dependency-cruiser.cjs`;
// test/architecture.test.ts proves that the rules bite.
//
// Paths are relative to the project root. npm packages resolve to `node_modules/...` (or to
// `../<elsewhere>/node_modules/...` when node_modules is a symlink, hence `(?:^|/)node_modules/`),
// node core modules to their bare name (`fs` for `node:fs`), so "only these paths" rules written with
// `to.pathNot` forbid npm packages and core modules too. `$1` in `to` is the first group captured
// by `from.path` (the module's name).

const TEST_FILE = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // ── domain ────────────────────────────────────────────────────────────────────────────────
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'modules/<m>/domain imports only its own domain and src/shared/domain: no other layer, no other ' +
        'module, no npm package and no node core module (domain is types + pure synchronous functions).',
      from: { path: '^src/modules/([^/]+)/domain/', pathNot: TEST_FILE },
      to: { pathNot: ['^src/modules/$1/domain/', '^src/shared/domain/'] },
    },
    {
      name: 'domain-tests-stay-pure',
      severity: 'error',
      comment:
        'Domain tests (modules and shared) are unit and property tests without a database: besides their ' +
        'own domain and src/shared/domain they may import vitest and fast-check, nothing else.',
      from: { path: '^src/((?:modules/[^/]+|shared))/domain/.+' + TEST_FILE },
      to: {
        pathNot: ['^src/$1/domain/', '^src/shared/domain/', '(?:^|/)node_modules/(?:vitest|@vitest/[^/]+|fast-check)/'],
      },
    },
    {
      name: 'shared-domain-is-pure',
      severity: 'error',
      comment: 'src/shared/domain imports nothing outside src/shared/domain (no npm package, no core module).',
      from: { path: '^src/shared/domain/', pathNot: TEST_FILE },
      to: { pathNot: '^src/shared/domain/' },
    },

    // ── application ───────────────────────────────────────────────────────────────────────────
    {
      name: 'application-depends-on-domain-and-ports-only',
      severity: 'error',
      comment:
        'modules/<m>/application imports only its own domain, its own application (ports, use cases) and ' +
        'src/shared/(domain|application): never infrastructure, http, another module, kysely, pg, fastify or ' +
        'any other npm package. Concrete adapters are wired in by src/composition-root.ts.',
      from: { path: '^src/modules/([^/]+)/application/', pathNot: TEST_FILE },
      to: {
        pathNot: [
          '^src/modules/$1/(?:domain|application)/',
          '^src/shared/(?:domain|application)/',
          // Another module's public contract types (see the next rule: `import type` only).
          '^src/modules/[^/]+/index\\.ts$',
        ],
      },
    },
    {
      name: 'application-borrows-other-modules-types-only',
      severity: 'error',
      comment:
        "modules/<m>/application may name another module's contract types through its index.ts (a port " +
        'it consumes or implements, e.g. the learning modules that call each other in one transaction), ' +
        'but only with `import type`: nothing of another module runs inside an application layer.',
      from: { path: '^src/modules/([^/]+)/application/', pathNot: TEST_FILE },
      to: { path: '^src/modules/(?!$1/)[^/]+/index\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-application-depends-on-shared-domain-only',
      severity: 'error',
      comment: 'src/shared/application imports only src/shared/(domain|application) (no npm package).',
      from: { path: '^src/shared/application/', pathNot: TEST_FILE },
      to: { pathNot: '^src/shared/(?:domain|application)/' },
    },

    // ── http ──────────────────────────────────────────────────────────────────────────────────
    {
      name: 'http-not-to-infrastructure',
      severity: 'error',
      comment:
        'modules/<m>/http is transport only: it calls use cases and never imports infrastructure ' +
        '(its own or any other), kysely or pg.',
      from: { path: '^src/modules/[^/]+/http/' },
      to: {
        path: ['^src/(?:modules/[^/]+|shared)/infrastructure/', '(?:^|/)node_modules/(?:kysely|pg|@types/pg)/'],
      },
    },

    // ── infrastructure ────────────────────────────────────────────────────────────────────────
    {
      name: 'infrastructure-not-to-http',
      severity: 'error',
      comment: 'infrastructure (modules and shared) never imports any http layer.',
      from: { path: '^src/(?:modules/[^/]+|shared)/infrastructure/' },
      to: { path: '^src/(?:modules/[^/]+|shared)/http/' },
    },
    {
      name: 'module-infrastructure-only-from-composition-root',
      severity: 'error',
      comment:
        'Only the composition root (src/composition-root.ts, src/app.ts, src/main.ts, src/cli/) and test/ may ' +
        "import a module's infrastructure from outside that module: concrete adapters are wired there.",
      from: {
        pathNot: [
          '^src/modules/',
          '^src/composition-root\\.ts$',
          '^src/app\\.ts$',
          '^src/main\\.ts$',
          '^src/cli/',
          '^test/',
        ],
      },
      to: { path: '^src/modules/[^/]+/infrastructure/' },
    },

    // ── module boundaries ─────────────────────────────────────────────────────────────────────
    {
      name: 'module-through-index-only',
      severity: 'error',
      comment:
        "A module imports another module only through that module's index.ts (its public surface), " +
        'never its domain, application, infrastructure or http files directly.',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/(?!$1/)[^/]+/(?!index\\.ts$)' },
    },
    {
      name: 'shared-not-to-modules',
      severity: 'error',
      comment: 'src/shared is used by modules; it never imports src/modules.',
      from: { path: '^src/shared/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'not-to-tests',
      severity: 'error',
      comment: 'Production code never imports test files or test/ helpers.',
      from: { path: '^(?:src|migrations)/', pathNot: TEST_FILE },
      to: { path: ['^test/', TEST_FILE] },
    },

    // ── hygiene ───────────────────────────────────────────────────────────────────────────────
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'This dependency is part of a cycle (type-only imports count too). Break it: move the shared ' +
        'type or function to the module both sides depend on, or invert the dependency with a port.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'This import cannot be resolved to a file on disk: a typo, a missing file, or an npm package ' +
        'missing from package.json.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    // `import type` and type-only re-exports are dependencies too: a domain file must not even
    // borrow a type from kysely.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Sources import each other with explicit `.ts`/`.tsx` extensions (allowImportingTsExtensions +
    // rewriteRelativeImportExtensions); those resolve as written. The list below is for
    // extension-less specifiers (npm packages' `main` files, `.d.ts` types).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    moduleSystems: ['es6', 'cjs'],
    skipAnalysisNotInRules: true,
    reporterOptions: {
      dot: { collapsePattern: 'node_modules/(?:@[^/]+/[^/]+|[^/]+)' },
      archi: { collapsePattern: '^(?:src/modules|src/shared)/[^/]+|node_modules/(?:@[^/]+/[^/]+|[^/]+)' },
    },
  },
};
