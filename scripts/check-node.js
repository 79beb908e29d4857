// Fails fast when a script runs on another Node than the pinned one (the `node` devDependency
// puts Node 24 first on PATH for npm scripts; running tools directly bypasses it).
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(
    `Expected Node.js 24 (pinned via the "node" devDependency), got ${process.version}. Run through npm scripts.`,
  );
  process.exit(1);
}
