/** Catalog: errors, API messages and pages (the reference catalog for catalog-en.ts). */
export const catalogRu = {};
