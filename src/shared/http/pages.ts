import type { FastifyInstance } from 'fastify';
import type { Cookies } from './cookies.ts';
import type { FlashMessages } from './flash.ts';
import type { Renderer } from './render.tsx';

/** What a module's pages get: rendering, flash messages and cookies. */
export type PagesDeps = { renderer: Renderer; flash: FlashMessages; cookies: Cookies };

/** A module's server-rendered pages, registered in the pages scope (form bodies, CSRF check). */
export type PagesPlugin = (app: FastifyInstance, deps: PagesDeps) => Promise<void>;

/** A module's JSON routes, registered under /api/v1. */
export type ApiPlugin = (app: FastifyInstance, deps: PagesDeps) => Promise<void>;

/** Hooks for the whole application (e.g. authentication), registered before any route. */
export type AppPlugin = (app: FastifyInstance, deps: PagesDeps) => Promise<void>;

/** What a module contributes to the HTTP application. */
export type AppModule = { plugin?: AppPlugin; routes?: ApiPlugin; pages?: PagesPlugin };
