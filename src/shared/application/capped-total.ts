/**
 * Staff lists that grow with the school (approval history, enrollments) count their matches only
 * up to this many: past it the total reads "1,000 or more" and paging goes on by "next" links.
 * An exact count of 100,000 rows would cost more than the page it labels.
 */
export const LIST_TOTAL_CAP = 1000;

/** A page of a list whose total may be a lower bound. */
export type CappedPage<T> = Readonly<{
  items: readonly T[];
  /** Exact when `totalIsCapped` is false; otherwise there are at least this many. */
  total: number;
  totalIsCapped: boolean;
}>;
