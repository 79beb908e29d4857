/** Questions: errors, API messages and pages (the reference catalog for questions-en.ts). */
export const questionsRu = {};
