import type { CatalogUnitOfWork, IdGenerator } from './ports.ts';
import type { QuestionBankFacts } from './question-bank-facts.ts';
import type { CatalogReads } from './reads.ts';

/** Everything the catalog's use cases may need; each factory picks what it uses. */
export type CatalogDeps = Readonly<{
  uow: CatalogUnitOfWork;
  reads: CatalogReads;
  questionBank: QuestionBankFacts;
  newId: IdGenerator;
}>;
