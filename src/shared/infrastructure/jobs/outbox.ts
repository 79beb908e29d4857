import type { Outbox } from '../../application/outbox.ts';
import type { Tx } from '../db/unit-of-work.ts';

/** The outbox bound to a use case's transaction: the event commits or rolls back with it. */
export function createOutbox(tx: Tx): Outbox {
  return {
    async add(event) {
      await tx
        .insertInto('outbox')
        .values({ type: event.type, payload: JSON.stringify(event.payload) })
        .execute();
    },
  };
}
