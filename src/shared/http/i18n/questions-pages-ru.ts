/** Question bank admin pages (the reference catalog for questions-pages-en.ts). */
export const questionsPagesRu = {};
