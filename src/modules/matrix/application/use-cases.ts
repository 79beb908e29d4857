import { makeCsvTransfer } from './csv-transfer.ts';
import { makeItemUseCases } from './items.ts';
import type { MatrixDeps } from './ports.ts';
import { makeSheetQueries } from './sheets-query.ts';
import { makeStructureUseCases } from './structure.ts';

/** Every matrix use case, bound to its adapters. */
export function createMatrixUseCases(deps: MatrixDeps) {
  return {
    ...makeStructureUseCases(deps),
    ...makeItemUseCases(deps),
    ...makeSheetQueries(deps),
    ...makeCsvTransfer(deps),
  };
}

export type MatrixUseCases = ReturnType<typeof createMatrixUseCases>;
