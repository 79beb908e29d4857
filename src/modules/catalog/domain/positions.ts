/**
 * Ordering of stages and modules: items hold positions 1..n in their track. Moving one shifts
 * the ones between its old and new place; removing one closes the gap.
 */

/** The ids in their new order after `id` moves to `position` (1-based, clamped to 1..n). */
export function moveTo(ordered: readonly string[], id: string, position: number): string[] {
  const from = ordered.indexOf(id);
  if (from < 0) return [...ordered];
  const rest = ordered.filter((other) => other !== id);
  const to = Math.min(Math.max(Math.trunc(position), 1), ordered.length) - 1;
  return [...rest.slice(0, to), id, ...rest.slice(to)];
}

/** The ids that remain, in order, after `id` is removed (their positions are their index + 1). */
export function without(ordered: readonly string[], id: string): string[] {
  return ordered.filter((other) => other !== id);
}

/** The items whose position changes between two orders, with their new position. */
export function changedPositions(
  before: readonly string[],
  after: readonly string[],
): { id: string; position: number }[] {
  return after.flatMap((id, index) => (before[index] === id ? [] : [{ id, position: index + 1 }]));
}
