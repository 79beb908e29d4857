/** matrix: errors, API messages and pages (the reference catalog for matrix-en.ts). */
export const matrixRu = {} as const;
