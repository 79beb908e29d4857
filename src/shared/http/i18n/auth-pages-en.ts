import type { authPagesRu } from './auth-pages-ru.ts';

export const authPagesEn: Record<keyof typeof authPagesRu, string> = {
  'form.errorPrefix': 'Error:',

  'nav.account': 'Account',
  'nav.signIn': 'Sign in',
  'nav.register': 'Register',
  'nav.profile': 'Profile',
  'nav.logout': 'Sign out',
  'nav.tracks': 'Tracks',
  'nav.blog': 'Blog',
  'nav.matrix': 'Competency matrix',
  'nav.contact': 'Contact',
  'nav.adminArticles': 'Articles',
  'nav.adminMatrix': 'Matrix',
  'nav.learning': 'My learning',
  'nav.adminApprovals': 'Approvals',
  'nav.adminEnrollments': 'Students',
  'nav.adminAnalytics': 'Analytics',
  'nav.adminContacts': 'Contact requests',
  'nav.adminQuestions': 'Question bank',
  'nav.adminTracks': 'Catalog',
  'nav.adminUsers': 'Users',
  'nav.adminAudit': 'Audit log',

  'auth.field.email': 'Email',
  'auth.field.displayName': 'Name',
  'auth.field.displayNameHint': 'Teachers and other members see you by this name.',
  'auth.field.password': 'Password',
  'auth.field.newPassword': 'New password',
  'auth.field.newPasswordHint':
    '8 to 128 characters, any characters — a phrase of several words works well. Common passwords are refused.',
  'auth.field.mfaCode': 'Authenticator code',
  'auth.field.mfaCodeHint':
    'The 6 digits from your authenticator app. No access to the app? A recovery code works too.',
  'auth.field.recoveryCode': 'Recovery code',

  'auth.error.fixFields': 'Check the marked fields.',
  'auth.error.emailRequired': 'Enter your email.',
  'auth.error.emailInvalid': 'Enter an email like name@example.com.',
  'auth.error.displayNameRequired': 'Enter your name.',
  'auth.error.displayNameTooLong': 'The name must be at most {max} characters.',
  'auth.error.passwordRequired': 'Enter a password.',
  'auth.error.codeRequired': 'Enter the authenticator code or a recovery code.',

  'auth.link.haveAccount': 'Already have an account? Sign in',
  'auth.link.signIn': 'Sign in',
  'auth.link.register': 'No account yet? Register',
  'auth.link.forgotPassword': 'Forgot your password?',
  'auth.link.resendVerification': 'Send the email confirmation link again',
  'auth.link.sendAgain': 'No email? Send it again',
  'auth.link.startOver': 'Start signing in again',
  'auth.link.newResetLink': 'Ask for a new password reset link',

  'auth.register.title': 'Register',
  'auth.register.lead': 'Create an account to enroll in tracks and follow your progress.',
  'auth.register.submit': 'Register',

  'auth.checkEmail.title': 'Check your email',
  'auth.checkEmail.registered':
    'We sent an email to the address you gave. Follow its link to confirm the address and sign in.',
  'auth.checkEmail.verification': 'If an account needs its email confirmed, we sent a new link to the address.',
  'auth.checkEmail.reset': 'If an account uses this address, we sent it a password reset link.',
  'auth.checkEmail.spam': 'The email may take a few minutes. Check your spam folder too.',
  'auth.checkEmail.devMailbox': 'Development mode: mail is not sent but kept in the development mailbox —',

  'auth.verify.title': 'Confirm your email',
  'auth.verify.lead': 'Press the button to confirm the address and finish registering.',
  'auth.verify.submit': 'Confirm my email',
  'auth.verify.done': 'Your email is confirmed. You can sign in now.',

  'auth.resend.title': 'Email confirmation link',
  'auth.resend.lead': 'Enter the address you registered with and we will send a new link.',
  'auth.resend.submit': 'Send the link',

  'auth.forgot.title': 'Forgot password',
  'auth.forgot.lead': "Enter your account's email and we will send a password reset link.",
  'auth.forgot.submit': 'Send the link',

  'auth.login.title': 'Sign in',
  'auth.login.submit': 'Sign in',

  'auth.mfa.title': 'Confirm sign-in',
  'auth.mfa.lead': 'This account uses two-factor authentication.',
  'auth.mfa.useRecoveryCode': 'Sign in with a recovery code',
  'auth.mfa.submit': 'Confirm',

  'auth.reset.title': 'New password',
  'auth.reset.lead': 'Choose a new password. Changing it ends every session.',
  'auth.reset.submit': 'Change password',
  'auth.reset.done': 'Password changed and all sessions ended. Sign in with the new password.',

  'auth.loggedOut': 'You are signed out.',
};
