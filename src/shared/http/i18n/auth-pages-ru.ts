/** Sign-up and sign-in pages, navigation for signed-in users (the reference for auth-pages-en.ts). */
export const authPagesRu = {
  'form.errorPrefix': 'Ошибка:',
} as const;
