/** files: errors, API messages and pages (the reference catalog for files-en.ts). */
export const filesRu = {} as const;
