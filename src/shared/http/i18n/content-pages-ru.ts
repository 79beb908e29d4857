/** content-pages: errors, API messages and pages (the reference catalog for content-pages-en.ts). */
export const contentPagesRu = {} as const;
