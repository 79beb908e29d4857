import type { PagesPlugin } from '../../../shared/http/pages.ts';
import { HomePage } from './views/home-page.tsx';

export const homePages: PagesPlugin = async (app, { renderer }) => {
  app.get('/', async (request, reply) => renderer.page(reply, <HomePage ctx={renderer.context(request, reply)} />));
};
