import type { contactsRu } from './contacts-ru.ts';

export const contactsEn: Record<keyof typeof contactsRu, string> = {};
