import type { analyticsRu } from './analytics-ru.ts';

export const analyticsEn: Record<keyof typeof analyticsRu, string> = {};
