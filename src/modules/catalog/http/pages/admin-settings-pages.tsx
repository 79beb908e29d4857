import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { pageUser, pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import type { Translate } from '../../../../shared/http/i18n/index.ts';
import { originOf } from '../../../../shared/http/request-origin.ts';
import type { SettingsHistory } from '../../application/queries/settings-versions.ts';
import type { SettingsParams } from '../../domain/settings.ts';
import { SETTINGS_FIELDS } from '../../domain/settings-fields.ts';
import { fieldKey, formValues, paramsFromForm } from '../views/admin/settings-labels.ts';
import { type SettingsDiff, SettingsPage } from '../views/admin/settings-page.tsx';
import type { CatalogPagesDeps } from './deps.ts';
import { attempt, type FormBody, type FormProblem, formSchema, integerOf } from './page-support.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const FORM_FIELDS = [...SETTINGS_FIELDS.map(fieldKey), 'note'];

/** Settings of a track: history, activation, comparison of two versions, a new version. */
export async function adminSettingsPages(app: FastifyInstance, deps: CatalogPagesDeps): Promise<void> {
  const { renderer, flash, useCases, clock } = deps;
  const signedIn = { preHandler: pageUserGuard() };

  async function settingsPage(request: FastifyRequest, reply: FastifyReply, trackId: string, problem?: FormProblem) {
    const actor = pageUser(request);
    const history = await useCases.listSettingsVersions({ actor, trackId });
    const query = request.method === 'GET' ? (request.query as FormBody) : {};
    const diff = await diffOf(
      history,
      query,
      (from, to) => useCases.compareSettingsVersions({ actor, trackId, from, to }),
      request.t,
    );
    const form = problem?.target === 'new-version' ? problem.values : prefill(history);
    const view = (
      <SettingsPage
        ctx={renderer.context(request, reply)}
        history={history}
        form={form}
        diff={diff}
        problem={problem}
      />
    );
    return renderer.page(reply, view, problem?.status ?? (diff.error ? 422 : 200));
  }

  /** The current version's values, or the defaults while there is none. */
  function prefill(history: SettingsHistory) {
    const current = history.versions.find((version) => version.version === history.track.currentSettingsVersion);
    return formValues((current?.params as SettingsParams | undefined) ?? history.defaults);
  }

  async function diffOf(
    history: SettingsHistory,
    query: FormBody,
    compare: (from: number, to: number) => Promise<SettingsDiff['changes']>,
    t: Translate,
  ): Promise<SettingsDiff> {
    if (query.from === undefined && query.to === undefined) return {};
    const known = new Set(history.versions.map((version) => version.version));
    const [from, to] = [integerOf(query.from), integerOf(query.to)];
    if (from === undefined || to === undefined || !known.has(from) || !known.has(to)) {
      return { error: t('catalog.settings.diff.invalid') };
    }
    return { from, to, changes: await compare(from, to) };
  }

  app.get(
    '/admin/tracks/:id/settings',
    { ...signedIn, schema: { params: IdParams, querystring: formSchema('from', 'to') } },
    (request, reply) => settingsPage(request, reply, (request.params as { id: string }).id),
  );

  app.post(
    '/admin/tracks/:id/settings-versions',
    { ...signedIn, schema: { params: IdParams, body: formSchema(...FORM_FIELDS) } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as FormBody;
      let version = 0;
      const problem = await attempt(request, 'new-version', body, async () => {
        ({ version } = await useCases.createSettingsVersion({
          actor: pageUser(request),
          trackId: id,
          params: paramsFromForm(body),
          note: body.note ?? '',
          origin: originOf(request),
          now: clock.now(),
        }));
      });
      if (problem) return settingsPage(request, reply, id, problem);
      flash.set(reply, { kind: 'success', message: 'catalog.flash.versionCreated' });
      return reply.redirect(`/admin/tracks/${id}/settings#version-${version}`, 303);
    },
  );

  app.post(
    '/admin/tracks/:id/settings-versions/:version/activate',
    {
      ...signedIn,
      schema: {
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
        }),
        body: formSchema(),
      },
    },
    async (request, reply) => {
      const { id, version } = request.params as { id: string; version: number };
      const problem = await attempt(request, `activate:${version}`, {}, () =>
        useCases.activateSettingsVersion({
          actor: pageUser(request),
          trackId: id,
          version,
          origin: originOf(request),
          now: clock.now(),
        }),
      );
      if (problem) return settingsPage(request, reply, id, problem);
      flash.set(reply, { kind: 'success', message: 'catalog.flash.versionActivated' });
      return reply.redirect(`/admin/tracks/${id}/settings`, 303);
    },
  );
}
