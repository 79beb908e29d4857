import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
  UnauthenticatedError,
} from '../../../shared/domain/errors.ts';

export class InvalidCredentialsError extends UnauthenticatedError {
  constructor() {
    super('identity.invalid_credentials', 'the email or password is wrong');
  }
}

export class InvalidAccessTokenError extends UnauthenticatedError {
  constructor() {
    super('identity.unauthenticated', 'the access token is missing, invalid, expired or revoked');
  }
}

export class InvalidRefreshTokenError extends UnauthenticatedError {
  constructor() {
    super('identity.invalid_refresh_token', 'the refresh token is invalid, expired or revoked');
  }
}

export class InvalidMfaCodeError extends UnauthenticatedError {
  constructor() {
    super('identity.invalid_mfa_code', 'the code is wrong or was already used');
  }
}

/** A wrong code while turning TOTP on: the user is signed in, so this is no 401. */
export class WrongTotpSetupCodeError extends RuleViolationError {
  constructor() {
    super('identity.invalid_mfa_code', 'the code is wrong; check the time on the device and try the current code');
  }
}

export class InvalidMfaTokenError extends UnauthenticatedError {
  constructor() {
    super('identity.invalid_mfa_token', 'the sign-in step expired; sign in again');
  }
}

export class EmailNotVerifiedError extends ForbiddenError {
  constructor() {
    super('identity.email_not_verified', 'confirm the email address before signing in');
  }
}

export class AccountBlockedError extends ForbiddenError {
  constructor() {
    super('identity.account_blocked', 'the account is blocked');
  }
}

export class MfaEnrollmentRequiredError extends ForbiddenError {
  constructor() {
    super('identity.mfa_enrollment_required', 'staff accounts must enable two-factor authentication first');
  }
}

export class NotAllowedError extends ForbiddenError {
  constructor() {
    super('identity.forbidden', 'this needs another role');
  }
}

export class CannotChangeSelfError extends ForbiddenError {
  constructor() {
    super('identity.cannot_change_self', 'nobody changes their own role or status');
  }
}

export class CannotChangeOwnerError extends ForbiddenError {
  constructor() {
    super('identity.cannot_change_owner', "the owner's role and status cannot be changed");
  }
}

export class OwnerOnlyError extends ForbiddenError {
  constructor() {
    super('identity.owner_only', 'only the owner grants, revokes or blocks admins');
  }
}

export class OwnerRoleNotAssignableError extends ForbiddenError {
  constructor() {
    super('identity.owner_not_assignable', 'the owner role cannot be granted');
  }
}

export class InvalidOneTimeTokenError extends InvalidInputError {
  constructor() {
    super('identity.invalid_token', 'the link is invalid, expired or already used');
  }
}

export class PasswordLengthError extends RuleViolationError {
  constructor() {
    super('identity.weak_password', 'the password must have 8 to 128 characters', { min: 8, max: 128 });
  }
}

export class CommonPasswordError extends RuleViolationError {
  constructor() {
    super('identity.common_password', 'the password is among the most common ones');
  }
}

export class InvalidDisplayNameError extends RuleViolationError {
  constructor() {
    super('identity.invalid_display_name', 'the name must have 1 to 100 characters on one line');
  }
}

export class WrongPasswordError extends RuleViolationError {
  constructor() {
    super('identity.wrong_password', 'the current password is wrong');
  }
}

export class MfaAlreadyEnabledError extends ConflictError {
  constructor() {
    super('identity.mfa_already_enabled', 'two-factor authentication is already on');
  }
}

export class MfaNotEnabledError extends ConflictError {
  constructor() {
    super('identity.mfa_not_enabled', 'two-factor authentication is off');
  }
}

export class MfaEnrollmentNotStartedError extends ConflictError {
  constructor() {
    super('identity.mfa_enrollment_not_started', 'start the two-factor setup first');
  }
}

export class OwnerExistsError extends ConflictError {
  constructor() {
    super('identity.owner_exists', 'there is already an owner');
  }
}

export class EmailTakenError extends ConflictError {
  constructor() {
    super('identity.email_taken', 'an account with this email exists');
  }
}

export class UserNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('identity.user_not_found', 'no such user', { id });
  }
}

export class SessionNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('identity.session_not_found', 'no such session', { id });
  }
}

/** A command-line operation needs an active staff account to act as (the owner by default). */
export class OperatorNotFoundError extends NotFoundError {
  constructor(email: string | undefined) {
    super(
      'identity.operator_not_found',
      email ? `no active staff account ${email}` : 'there is no owner yet: create it with `baza user create-owner`',
      { email: email ?? '' },
    );
  }
}
