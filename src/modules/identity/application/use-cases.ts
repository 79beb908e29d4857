import { makeChangePassword } from './commands/change-password.ts';
import { makeChangeUserAccess } from './commands/change-user-access.ts';
import { makeCompleteMfaLogin } from './commands/complete-mfa-login.ts';
import { makeCreateOwner } from './commands/create-owner.ts';
import { makeLogIn } from './commands/log-in.ts';
import { makeLogOut, makeLogOutWithRefreshToken } from './commands/log-out.ts';
import {
  makeConfirmTotp,
  makeDisableTotp,
  makeResetMfaByOperator,
  makeStartTotpEnrollment,
} from './commands/manage-totp.ts';
import { makeRefreshSession } from './commands/refresh-session.ts';
import { makeRegisterUser } from './commands/register-user.ts';
import { makeRequestPasswordReset, makeResendVerification } from './commands/request-email-link.ts';
import { makeResetPassword } from './commands/reset-password.ts';
import { makeRevokeSession } from './commands/revoke-session.ts';
import { makeUpdateProfile } from './commands/update-profile.ts';
import { makeVerifyEmail } from './commands/verify-email.ts';
import type { IdentityDeps } from './deps.ts';
import { makeListAuditEvents, makeListUsers } from './queries/admin-lists.ts';
import { makeAuthenticate, makeAuthenticateSession } from './queries/authenticate.ts';
import { makeFindOperator } from './queries/find-operator.ts';
import { makeGetProfile, makeHasOwner, makeListMySessions } from './queries/my-account.ts';

/** Every identity use case, bound to its adapters. */
export function createIdentityUseCases(deps: IdentityDeps) {
  return {
    registerUser: makeRegisterUser(deps),
    verifyEmail: makeVerifyEmail(deps),
    resendVerification: makeResendVerification(deps),
    logIn: makeLogIn(deps),
    completeMfaLogin: makeCompleteMfaLogin(deps),
    refreshSession: makeRefreshSession(deps),
    logOut: makeLogOut(deps),
    logOutWithRefreshToken: makeLogOutWithRefreshToken(deps),
    requestPasswordReset: makeRequestPasswordReset(deps),
    resetPassword: makeResetPassword(deps),
    changePassword: makeChangePassword(deps),
    updateProfile: makeUpdateProfile(deps),
    revokeSession: makeRevokeSession(deps),
    startTotpEnrollment: makeStartTotpEnrollment(deps),
    confirmTotp: makeConfirmTotp(deps),
    disableTotp: makeDisableTotp(deps),
    resetMfaByOperator: makeResetMfaByOperator(deps),
    changeUserAccess: makeChangeUserAccess(deps),
    createOwner: makeCreateOwner(deps),
    authenticate: makeAuthenticate(deps),
    authenticateSession: makeAuthenticateSession(deps),
    getProfile: makeGetProfile(deps),
    hasOwner: makeHasOwner(deps),
    findOperator: makeFindOperator(deps),
    listMySessions: makeListMySessions(deps),
    listUsers: makeListUsers(deps),
    listAuditEvents: makeListAuditEvents(deps),
  };
}

export type IdentityUseCases = ReturnType<typeof createIdentityUseCases>;
