/**
 * Runs `work` in exactly one database transaction with repositories bound to it; commits when
 * it resolves, rolls back when it throws. Runs never nest.
 */
export type UnitOfWork<Repositories> = {
  run<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
};
