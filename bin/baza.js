#!/usr/bin/env node
// The `baza` CLI. Runs the TypeScript sources through tsx; with BAZA_USE_DIST=true it runs the
// compiled build in dist/ instead (the Docker image does).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`baza needs Node.js >= 22.12 (this is ${process.version}); run it through npm scripts or npx.`);
  process.exit(1);
}

const compiled = new URL('../dist/src/main.js', import.meta.url);
if (process.env.BAZA_USE_DIST === 'true') {
  if (!existsSync(fileURLToPath(compiled))) {
    console.error('BAZA_USE_DIST=true but dist/src/main.js is missing: run `npm run build` first.');
    process.exit(1);
  }
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/main.ts', import.meta.url).href);
}
