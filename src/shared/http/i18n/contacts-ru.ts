/** contacts: errors, API messages and pages (the reference catalog for contacts-en.ts). */
export const contactsRu = {} as const;
