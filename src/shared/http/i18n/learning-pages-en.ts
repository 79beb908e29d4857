import type { learningPagesRu } from './learning-pages-ru.ts';

export const learningPagesEn: Record<keyof typeof learningPagesRu, string> = {};
