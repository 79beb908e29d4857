import { OperatorNotFoundError } from '../../domain/errors.ts';
import { normalizeEmail, type Role, type UserLocale } from '../../domain/user.ts';
import type { IdentityDeps } from '../deps.ts';

export type Operator = Readonly<{ id: string; email: string; role: Role; locale: UserLocale }>;

/**
 * Whom a command-line operation (imports, the demo seed) acts as: the active staff member with
 * the given email, or else the owner.
 */
export function makeFindOperator(deps: Pick<IdentityDeps, 'uow'>) {
  return async function findOperator(input: { email?: string | undefined }): Promise<Operator> {
    const user = await deps.uow.run((tx) =>
      input.email ? tx.users.byEmail(normalizeEmail(input.email)) : tx.users.owner(),
    );
    if (!user || user.status !== 'active' || user.role === 'student') throw new OperatorNotFoundError(input.email);
    return { id: user.id, email: user.email, role: user.role, locale: user.locale };
  };
}
