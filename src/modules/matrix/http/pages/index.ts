import type { PagesPlugin } from '../../../../shared/http/pages.ts';
import type { MatrixUseCases } from '../../application/use-cases.ts';
import { adminMatrixPages } from './admin-pages.tsx';
import { publicMatrixPages } from './public-pages.tsx';

/** The matrix's pages: the public matrix and item pages, and the staff editor. */
export function matrixPages(useCases: MatrixUseCases): PagesPlugin {
  return async (app, deps) => {
    await publicMatrixPages(app, { ...deps, useCases });
    await adminMatrixPages(app, { ...deps, useCases });
  };
}
