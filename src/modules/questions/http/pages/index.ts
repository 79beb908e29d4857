import type { FastifyInstance } from 'fastify';
import type { QuestionsPagesDeps } from './deps.ts';
import { editorPages } from './editor-pages.tsx';
import { importPages } from './import-pages.tsx';
import { listPages } from './list-pages.tsx';

export type { QuestionsPagesDeps };

/** The question bank's admin pages: list and export, the editor, and the import. */
export async function questionsPages(app: FastifyInstance, deps: QuestionsPagesDeps): Promise<void> {
  await listPages(app, deps);
  await editorPages(app, deps);
  await importPages(app, deps);
}
