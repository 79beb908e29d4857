import type { PagesPlugin } from '../../shared/http/pages.ts';
import { homePages } from './http/pages.tsx';

/** The public home page: what Baza is. Later modules link their public pages from here. */
export function createHomeModule(): { pages: PagesPlugin } {
  return { pages: homePages };
}
