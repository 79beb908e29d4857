import type { contentPagesRu } from './content-pages-ru.ts';

export const contentPagesEn: Record<keyof typeof contentPagesRu, string> = {};
