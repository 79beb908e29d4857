import type { PagesPlugin } from '../../../../shared/http/pages.ts';
import type { MatrixUseCases } from '../../application/use-cases.ts';

export function matrixPages(_useCases: MatrixUseCases): PagesPlugin {
  return async () => {};
}
