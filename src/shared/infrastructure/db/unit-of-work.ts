import type { Transaction } from 'kysely';
import type { UnitOfWork } from '../../application/unit-of-work.ts';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';

export type Tx = Transaction<Database>;

/** Binds repositories to one transaction per `run`; Kysely transactions do not nest. */
export function createUnitOfWork<Repositories>(db: Db, bind: (tx: Tx) => Repositories): UnitOfWork<Repositories> {
  return {
    run: (work) => db.transaction().execute((tx) => work(bind(tx))),
  };
}
