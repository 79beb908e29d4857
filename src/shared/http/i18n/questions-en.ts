import type { questionsRu } from './questions-ru.ts';

export const questionsEn: Record<keyof typeof questionsRu, string> = {};
