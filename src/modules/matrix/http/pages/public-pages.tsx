import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { formSchema, type FormBody } from '../../../../shared/http/page-forms.ts';
import type { PagesDeps } from '../../../../shared/http/pages.ts';
import type { MatrixUseCases } from '../../application/use-cases.ts';
import { resolveFilter } from '../filter.ts';
import { optionalActor } from '../routes.ts';
import { AnswerFragment, ItemPage, MatrixPage, type MatrixQuery, MatrixResults } from './public-views.tsx';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const PAGE_SIZE = 200;

/** The public matrix: filters and search, answers in place, a page per item. */
export async function publicMatrixPages(app: FastifyInstance, deps: PagesDeps & { useCases: MatrixUseCases }) {
  const { renderer, useCases } = deps;

  app.get(
    '/matrix',
    {
      config: { publicCache: true },
      schema: { querystring: formSchema('sheet', 'section', 'subsection', 'grade', 'q') },
    },
    async (request, reply) => {
      const raw = request.query as FormBody;
      const clean = (value: string | undefined) => value?.trim().replaceAll('\u0000', '').slice(0, 200) || undefined;
      const sheets = await useCases.listSheets();
      const sheetKey = clean(raw.sheet) ?? sheets[0]?.slug;
      const query: MatrixQuery = {
        ...(sheetKey ? { sheet: sheetKey } : {}),
        ...(clean(raw.section) ? { section: clean(raw.section) } : {}),
        ...(clean(raw.subsection) ? { subsection: clean(raw.subsection) } : {}),
        ...(clean(raw.grade) ? { grade: clean(raw.grade) } : {}),
        ...(clean(raw.q) ? { q: clean(raw.q) } : {}),
      };
      const filter = resolveFilter(sheets, query);
      const result =
        filter.none || !filter.sheet
          ? { items: [], total: 0 }
          : await useCases.listItems({
              actor: null,
              filter: { ...filter, q: query.q, limit: PAGE_SIZE, offset: 0 },
            });
      const ctx = renderer.context(request, reply);
      const status = sheetKey && !filter.sheet ? 404 : 200;
      if (request.headers['hx-request'] === 'true' && request.headers['hx-target'] === 'matrix-results') {
        return renderer.fragment(reply, <MatrixResults ctx={ctx} items={result.items} total={result.total} />);
      }
      return renderer.page(
        reply,
        <MatrixPage
          ctx={ctx}
          sheets={sheets}
          sheet={filter.sheet}
          query={query}
          items={result.items}
          total={result.total}
        />,
        status,
      );
    },
  );

  app.get(
    '/matrix/items/:id',
    { config: { publicCache: true }, schema: { params: IdParams } },
    async (request, reply) => {
      const item = await useCases.getItem({
        actor: optionalActor(request),
        itemId: (request.params as { id: string }).id,
      });
      return renderer.page(reply, <ItemPage ctx={renderer.context(request, reply)} item={item} />);
    },
  );

  app.get(
    '/matrix/items/:id/answer',
    { config: { publicCache: true }, schema: { params: IdParams } },
    async (request, reply) => {
      const item = await useCases.getItem({
        actor: optionalActor(request),
        itemId: (request.params as { id: string }).id,
      });
      return renderer.fragment(reply, <AnswerFragment ctx={renderer.context(request, reply)} item={item} />);
    },
  );
}
