import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);

function packageDir(name: string): { dir: string; version: string } {
  const manifest = require.resolve(`${name}/package.json`);
  return { dir: path.dirname(manifest), version: (require(manifest) as { version: string }).version };
}

const bootstrap = packageDir('bootstrap');
const htmx = packageDir('htmx.org');
const OWN_ASSETS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

/** Versioned URLs, so browsers may cache them for long. Served from npm packages, never a CDN. */
export const ASSETS = {
  bootstrapCss: `/assets/bootstrap-${bootstrap.version}/css/bootstrap.min.css`,
  bootstrapJs: `/assets/bootstrap-${bootstrap.version}/js/bootstrap.bundle.min.js`,
  htmxJs: `/assets/htmx-${htmx.version}/htmx.min.js`,
  appCss: '/assets/app/app.css',
  appJs: '/assets/app/app.js',
  favicon: '/assets/app/favicon.svg',
} as const;

export async function registerAssets(app: FastifyInstance): Promise<void> {
  const common = { decorateReply: false, index: false, schemaHide: true, logLevel: 'warn' } as const;
  await app.register(fastifyStatic, {
    ...common,
    root: path.join(bootstrap.dir, 'dist'),
    prefix: `/assets/bootstrap-${bootstrap.version}/`,
    maxAge: '365d',
    immutable: true,
  });
  await app.register(fastifyStatic, {
    ...common,
    root: path.join(htmx.dir, 'dist'),
    prefix: `/assets/htmx-${htmx.version}/`,
    maxAge: '365d',
    immutable: true,
  });
  await app.register(fastifyStatic, { ...common, root: OWN_ASSETS_DIR, prefix: '/assets/app/', maxAge: '1h' });
}
