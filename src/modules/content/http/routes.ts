import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { Clock } from '../../../shared/application/clock.ts';
import { currentUser } from '../../../shared/http/auth-guards.ts';
import { originOf } from '../../../shared/http/request-origin.ts';
import type { ContentActor, ContentUseCases } from '../application/contract.ts';
import {
  ArticleSchema,
  CreateBody,
  IdParams,
  MinitestBody,
  MinitestResult,
  PatchBody,
  PreviewBody,
  PreviewResult,
  PublicArticleSchema,
  PublicList,
  PublicListQuery,
  SlugParams,
  StaffList,
  StaffListQuery,
  TagList,
  articleJson,
  minitestJson,
  publicArticleJson,
  publicListItemJson,
  staffListItemJson,
} from './schemas.ts';

export type ContentRouteDeps = Readonly<{ useCases: ContentUseCases; clock: Clock }>;

const tags = ['content'];
const security = [{ bearerAuth: [] }];

/** The signed-in reader, if any (guests read public articles only). */
function reader(request: FastifyRequest): ContentActor | null {
  const user = request.user;
  return user ? { id: user.id, role: user.role } : null;
}

/** The public blog: published articles, search, tags. */
async function publicRoutes(app: FastifyInstance, { useCases }: ContentRouteDeps): Promise<void> {
  app.get(
    '/articles',
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary:
          'Published articles, newest first; q searches title, summary and body (ranked, with <mark> snippets), in the locale’s language or in either',
        querystring: PublicListQuery,
        response: { 200: PublicList },
      },
    },
    async (request) => {
      const query = request.query as Static<typeof PublicListQuery>;
      const page = await useCases.listPublished({ ...query, reader: reader(request) });
      return { items: page.items.map(publicListItemJson), total: page.total };
    },
  );

  app.get(
    '/articles/:slug',
    {
      config: { publicCache: { onHit: (request) => useCases.countView(request.params as Static<typeof SlugParams>) } },
      schema: {
        tags,
        summary: 'A published article (students-only articles for signed-in readers; 404 otherwise); counts a view',
        params: SlugParams,
        response: { 200: PublicArticleSchema },
      },
    },
    async (request) => {
      const { slug } = request.params as Static<typeof SlugParams>;
      const article = await useCases.readArticle({ slug, reader: reader(request) });
      await useCases.countView({ slug: article.slug });
      return publicArticleJson(article);
    },
  );

  app.get(
    '/tags',
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'Tags of the published articles the reader may see, with article counts (most used first)',
        response: { 200: TagList },
      },
    },
    async (request) => ({ items: await useCases.tags({ reader: reader(request) }) }),
  );
}

/** Writing articles and their mini-tests: moderators, admins, the owner (the use cases check roles). */
async function adminRoutes(app: FastifyInstance, { useCases, clock }: ContentRouteDeps): Promise<void> {
  // Drafts and correct options: never stored by a cache.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });
  const write = (request: FastifyRequest) => ({
    actor: currentUser(request),
    origin: originOf(request),
    now: clock.now(),
  });

  app.get(
    '/admin/articles',
    {
      schema: {
        tags,
        security,
        summary: 'Every article, drafts included, last changed first; filters and q (full text, title, slug)',
        querystring: StaffListQuery,
        response: { 200: StaffList },
      },
    },
    async (request) => {
      const query = request.query as Static<typeof StaffListQuery>;
      const page = await useCases.listForStaff({ ...query, actor: currentUser(request) });
      return { items: page.items.map(staffListItemJson), total: page.total };
    },
  );

  app.post(
    '/admin/articles/preview',
    {
      schema: {
        tags,
        security,
        summary: 'Render Markdown exactly as saving would (sanitized HTML and table of contents)',
        body: PreviewBody,
        response: { 200: PreviewResult },
      },
    },
    async (request) => {
      const { body } = request.body as Static<typeof PreviewBody>;
      const rendered = await useCases.preview({ actor: currentUser(request), body });
      return { html: rendered.html, toc: [...rendered.toc] };
    },
  );

  app.get(
    '/admin/articles/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One article (drafts too)',
        params: IdParams,
        response: { 200: ArticleSchema },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      return articleJson(await useCases.getForStaff({ actor: currentUser(request), id }));
    },
  );

  app.post(
    '/admin/articles',
    {
      schema: {
        tags,
        security,
        summary: 'Write a draft; 422 names every failing field, 409 when the slug is taken',
        body: CreateBody,
        response: { 201: ArticleSchema },
      },
    },
    async (request, reply) => {
      const body = request.body as Static<typeof CreateBody>;
      const draft = {
        summary: '',
        tags: [],
        visibility: 'public' as const,
        trackId: null,
        moduleId: null,
        stageId: null,
        position: null,
        ...body,
      };
      const article = await useCases.create({ ...write(request), draft });
      return reply
        .status(201)
        .header('location', `${request.url.split('?')[0]}/${article.id}`)
        .send(articleJson(article));
    },
  );

  app.patch(
    '/admin/articles/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change any fields; the result is checked as a whole (422 names every failing field)',
        params: IdParams,
        body: PatchBody,
        response: { 200: ArticleSchema },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const changes = request.body as Static<typeof PatchBody>;
      return articleJson(await useCases.update({ ...write(request), id, changes }));
    },
  );

  app.post(
    '/admin/articles/:id/publish',
    { schema: { tags, security, summary: 'Publish (audited)', params: IdParams, response: { 200: ArticleSchema } } },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      return articleJson(await useCases.publish({ ...write(request), id }));
    },
  );

  app.post(
    '/admin/articles/:id/unpublish',
    {
      schema: {
        tags,
        security,
        summary: 'Back to draft (audited)',
        params: IdParams,
        response: { 200: ArticleSchema },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      return articleJson(await useCases.unpublish({ ...write(request), id }));
    },
  );

  app.delete(
    '/admin/articles/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete an article and its mini-test (audited); 409 when something refers to it',
        params: IdParams,
        response: { 204: { type: 'null', description: 'Deleted' } },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      await useCases.remove({ ...write(request), id });
      return reply.status(204).send();
    },
  );

  app.get(
    '/admin/articles/:id/minitest',
    {
      schema: {
        tags,
        security,
        summary: 'The article’s mini-test questions in order (with correct options)',
        params: IdParams,
        response: { 200: MinitestResult },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      return minitestJson(await useCases.minitest({ actor: currentUser(request), id }));
    },
  );

  app.put(
    '/admin/articles/:id/minitest',
    {
      schema: {
        tags,
        security,
        summary:
          'Replace the mini-test (0..20 questions, the bank’s rules; the article needs a track and a module); used questions are retired',
        params: IdParams,
        body: MinitestBody,
        response: { 200: MinitestResult },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { questions } = request.body as Static<typeof MinitestBody>;
      const drafts = questions.map((question) => ({ ...question, explanation: question.explanation ?? '' }));
      return minitestJson(await useCases.replaceMinitest({ ...write(request), id, questions: drafts }));
    },
  );
}

/** The content module's JSON API (under /api/v1). */
export async function contentRoutes(app: FastifyInstance, deps: ContentRouteDeps): Promise<void> {
  await app.register(async (scope) => publicRoutes(scope, deps));
  await app.register(async (scope) => adminRoutes(scope, deps));
}
