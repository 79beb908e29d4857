import { Type } from 'typebox';
import type { ItemView } from '../application/ports.ts';

const Id = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Id });
const Text = (description: string) => Type.String({ maxLength: 100_000, pattern: '^[^\\u0000]*$', description });
export const Slug = Text('lowercase letters a-z, digits and single hyphens, at most 80 characters');
export const Title = Text('1 to 200 characters (grades: 100)');
export const Position = Type.Integer({
  minimum: -2_147_483_648,
  maximum: 2_147_483_647,
  description: 'move to 1..n; the rest shift',
});
export const Status = Type.Union([Type.Literal('draft'), Type.Literal('published')]);
export const Resource = Type.Object({
  title: Type.String({ maxLength: 1000 }),
  url: Type.String({ maxLength: 4000, description: 'http(s) only' }),
});
export const NoContent = Type.Null({ description: 'no content' });
export const Created = Type.Object({ id: Id });

const Grade = Type.Object({ id: Id, slug: Type.String(), title: Type.String(), position: Type.Integer() });
const Subsection = Type.Object({ id: Id, title: Type.String(), position: Type.Integer() });
const Section = Type.Object({
  id: Id,
  title: Type.String(),
  position: Type.Integer(),
  subsections: Type.Array(Subsection),
});
export const SheetSchema = Type.Object({
  id: Id,
  slug: Type.String(),
  title: Type.String(),
  description: Type.String(),
  position: Type.Integer(),
  grades: Type.Array(Grade),
  sections: Type.Array(Section),
});
export const SheetList = Type.Object({ sheets: Type.Array(SheetSchema) });

const ItemSummaryFields = {
  id: Id,
  question: Type.String(),
  status: Status,
  position: Type.Integer(),
  sheet: Type.Object({ id: Id, slug: Type.String(), title: Type.String() }),
  section: Type.Object({ id: Id, title: Type.String() }),
  subsection: Type.Object({ id: Id, title: Type.String() }),
  grade: Type.Object({ id: Id, slug: Type.String(), title: Type.String() }),
};
export const ItemSummary = Type.Object(ItemSummaryFields);
export const ItemList = Type.Object({
  items: Type.Array(ItemSummary),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export const ItemDetail = Type.Object({
  ...ItemSummaryFields,
  answerHtml: Type.String({ description: 'the Markdown answer rendered to safe HTML' }),
  resources: Type.Array(Resource),
  module: Type.Union([
    Type.Object({
      id: Id,
      slug: Type.String(),
      title: Type.String(),
      track: Type.Object({ slug: Type.String(), title: Type.String() }),
    }),
    Type.Null(),
  ]),
});
export const AdminItemDetail = Type.Object({
  ...ItemDetail.properties,
  answer: Type.String({ description: 'Markdown' }),
});
export const AdminItemList = Type.Object({ items: Type.Array(AdminItemDetail) });

export const ItemsQuery = Type.Object({
  sheet: Type.Optional(Type.String({ maxLength: 200, description: 'sheet id or slug' })),
  section: Type.Optional(Id),
  subsection: Type.Optional(Id),
  grade: Type.Optional(Type.String({ maxLength: 200, description: 'grade id, or slug with `sheet`' })),
  q: Type.Optional(Type.String({ maxLength: 200, pattern: '^[^\\u0000]*$' })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
});

export const ImportReport = Type.Object({
  imported: Type.Boolean(),
  dryRun: Type.Boolean(),
  accepted: Type.Integer(),
  sectionsCreated: Type.Integer(),
  subsectionsCreated: Type.Integer(),
  rejected: Type.Array(Type.Object({ line: Type.Integer(), code: Type.String(), message: Type.String() })),
});

export function summaryJson(item: ItemView) {
  return {
    id: item.id,
    question: item.question,
    status: item.status,
    position: item.position,
    sheet: { id: item.sheetId, slug: item.sheetSlug, title: item.sheetTitle },
    section: { id: item.sectionId, title: item.sectionTitle },
    subsection: { id: item.subsectionId, title: item.subsectionTitle },
    grade: { id: item.gradeId, slug: item.gradeSlug, title: item.gradeTitle },
  };
}

export function detailJson(item: ItemView) {
  return {
    ...summaryJson(item),
    answerHtml: item.answerHtml,
    resources: item.resources,
    module: item.module
      ? {
          id: item.module.id,
          slug: item.module.slug,
          title: item.module.title,
          track: { slug: item.module.trackSlug, title: item.module.trackTitle },
        }
      : null,
  };
}
