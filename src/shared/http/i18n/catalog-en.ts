import type { catalogRu } from './catalog-ru.ts';

export const catalogEn: Record<keyof typeof catalogRu, string> = {};
