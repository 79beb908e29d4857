import type { questionsPagesRu } from './questions-pages-ru.ts';

export const questionsPagesEn: Record<keyof typeof questionsPagesRu, string> = {};
