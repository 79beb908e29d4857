import type { matrixRu } from './matrix-ru.ts';

export const matrixEn: Record<keyof typeof matrixRu, string> = {};
