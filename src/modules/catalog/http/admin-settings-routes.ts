import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { currentUser } from '../../../shared/http/auth-guards.ts';
import { originOf } from '../../../shared/http/request-origin.ts';
import type { CatalogRouteDeps } from './admin-track-routes.ts';
import {
  IdParams,
  NewSettingsVersion,
  SettingsParamsSchema,
  SettingsVersionSchema,
  VersionParams,
  versionJson,
} from './schemas.ts';

const tags = ['catalog admin'];
const security = [{ bearerAuth: [] }];

/** A track's immutable settings versions: history, one version, a new one, activation. */
export function adminSettingsRoutes({ useCases, clock }: CatalogRouteDeps) {
  const versionBody = async (request: FastifyRequest, trackId: string, version: number) => {
    const view = await useCases.getSettingsVersion({ actor: currentUser(request), trackId, version });
    return versionJson(view, view.current ? view.version : null);
  };
  return async (app: FastifyInstance) => {
    app.get(
      '/admin/tracks/:id/settings-versions',
      {
        schema: {
          tags,
          security,
          summary: 'Settings history, newest first; `current` marks the current version',
          params: IdParams,
          response: {
            200: Type.Object({
              currentVersion: Type.Union([Type.Integer(), Type.Null()]),
              defaults: SettingsParamsSchema,
              items: Type.Array(SettingsVersionSchema),
              total: Type.Integer(),
            }),
          },
        },
      },
      async (request) => {
        const { id } = request.params as { id: string };
        const history = await useCases.listSettingsVersions({ actor: currentUser(request), trackId: id });
        const current = history.track.currentSettingsVersion;
        return {
          currentVersion: current,
          defaults: history.defaults,
          items: history.versions.map((version) => versionJson(version, current)),
          total: history.versions.length,
        };
      },
    );

    app.get(
      '/admin/tracks/:id/settings-versions/:version',
      {
        schema: {
          tags,
          security,
          summary: 'One settings version',
          params: VersionParams,
          response: { 200: SettingsVersionSchema },
        },
      },
      async (request) => {
        const { id, version } = request.params as { id: string; version: number };
        return versionBody(request, id, version);
      },
    );

    app.post(
      '/admin/tracks/:id/settings-versions',
      {
        schema: {
          tags,
          security,
          summary:
            'Create the next immutable settings version (not current until activated); 422 lists every failing field',
          params: IdParams,
          body: NewSettingsVersion,
          response: { 201: SettingsVersionSchema },
        },
      },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        const body = request.body as { params: unknown; note?: string };
        const actor = currentUser(request);
        const { version } = await useCases.createSettingsVersion({
          actor,
          trackId: id,
          ...body,
          origin: originOf(request),
          now: clock.now(),
        });
        reply.status(201).header('location', `/api/v1/admin/tracks/${id}/settings-versions/${version}`);
        return versionBody(request, id, version);
      },
    );

    app.post(
      '/admin/tracks/:id/settings-versions/:version/activate',
      {
        schema: {
          tags,
          security,
          summary: 'Make a version current; 422 when it no longer fits the modules or the bank cannot fill an exam',
          params: VersionParams,
          response: { 200: SettingsVersionSchema },
        },
      },
      async (request) => {
        const { id, version } = request.params as { id: string; version: number };
        const actor = currentUser(request);
        await useCases.activateSettingsVersion({
          actor,
          trackId: id,
          version,
          origin: originOf(request),
          now: clock.now(),
        });
        return versionBody(request, id, version);
      },
    );
  };
}
