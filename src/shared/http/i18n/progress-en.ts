import type { progressRu } from './progress-ru.ts';

export const progressEn: Record<keyof typeof progressRu, string> = {};
