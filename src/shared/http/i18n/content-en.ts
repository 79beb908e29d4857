import type { contentRu } from './content-ru.ts';

export const contentEn: Record<keyof typeof contentRu, string> = {};
