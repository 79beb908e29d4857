import { openScaledDatabase } from '../lib/scaled-database.ts';

/** A fresh copy of the seeded database at this scale: the run's writes never reach the next run. */
export function openPlansDatabase(students: number) {
  return openScaledDatabase({ students, fresh: true });
}
