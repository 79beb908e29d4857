import type { authPagesRu } from './auth-pages-ru.ts';

export const authPagesEn: Record<keyof typeof authPagesRu, string> = {
  'form.errorPrefix': 'Error:',
};
