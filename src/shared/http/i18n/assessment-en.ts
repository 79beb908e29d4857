import type { assessmentRu } from './assessment-ru.ts';

export const assessmentEn: Record<keyof typeof assessmentRu, string> = {};
