import type { filesRu } from './files-ru.ts';

export const filesEn: Record<keyof typeof filesRu, string> = {};
