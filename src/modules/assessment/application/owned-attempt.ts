import { isUuid } from '../../../shared/domain/ids.ts';
import { AttemptNotFoundError } from '../domain/errors.ts';
import type { Actor } from './contract.ts';
import type { AttemptRecord } from './ports.ts';

/** Only the student who takes an attempt sees it: anyone else (staff too) gets 404, so ids cannot be probed. */
export async function ownedAttempt(
  actor: Actor,
  attemptId: string,
  load: (id: string) => Promise<AttemptRecord | undefined>,
): Promise<AttemptRecord> {
  if (!isUuid(attemptId)) throw new AttemptNotFoundError();
  const record = await load(attemptId.toLowerCase());
  if (!record || record.userId !== actor.id) throw new AttemptNotFoundError();
  return record;
}
