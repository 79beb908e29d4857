/** content: errors, API messages and pages (the reference catalog for content-en.ts). */
export const contentRu = {} as const;
