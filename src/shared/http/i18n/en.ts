import { assessmentEn } from './assessment-en.ts';
import { progressEn } from './progress-en.ts';
import { approvalsEn } from './approvals-en.ts';
import { learningPagesEn } from './learning-pages-en.ts';
import { analyticsEn } from './analytics-en.ts';
import { filesEn } from './files-en.ts';
import { contentEn } from './content-en.ts';
import { contentPagesEn } from './content-pages-en.ts';
import { matrixEn } from './matrix-en.ts';
import { contactsEn } from './contacts-en.ts';
import { accountPagesEn } from './account-pages-en.ts';
import { authPagesEn } from './auth-pages-en.ts';
import { catalogEn } from './catalog-en.ts';
import { identityEn } from './identity-en.ts';
import { questionsEn } from './questions-en.ts';
import { questionsPagesEn } from './questions-pages-en.ts';
import type { MessageKey } from './ru.ts';

export const en: Record<MessageKey, string> = {
  'app.name': 'Baza',
  'app.tagline': 'An adaptive learning platform for schools',
  'nav.main': 'Main navigation',
  'nav.home': 'Home',
  'nav.apiDocs': 'API',
  'nav.toggle': 'Toggle navigation',
  'nav.skipToContent': 'Skip to content',
  'locale.switcherLabel': 'Interface language',
  'locale.ru': 'Русский',
  'locale.en': 'English',
  'locale.changed': 'The interface language has been changed.',
  'flash.close': 'Close',
  'footer.text': 'Baza is an open-source, self-hosted learning platform.',
  'footer.health': 'Status',

  'home.title': 'Learn along your own path',
  'home.lead':
    'Baza guides every student through a track: a diagnostic, articles for their weak modules, adaptive level exams, and promotion only with a teacher’s approval.',
  'home.browseTracks': 'Browse tracks',
  'home.journeyTitle': 'How learning works',
  'home.journey.enroll': 'A student enrolls in a track — say, “Hip-hop” or “Backend”.',
  'home.journey.diagnostic': 'They take a one-time diagnostic that measures mastery of every module.',
  'home.journey.articles': 'They study the articles assigned for their weak modules and pass the mini-tests.',
  'home.journey.exam': 'They take a level exam composed for them: more questions where they are weaker.',
  'home.journey.approval': 'A teacher approves the promotion, and the next stage begins.',
  'home.journey.graduate': 'A final exam over the whole track — and a certificate with a verification code.',
  'home.featuresTitle': 'What makes Baza different',
  'home.feature.adaptive.title': 'Real adaptivity',
  'home.feature.adaptive.text': 'Assignments and exams follow module mastery instead of one template for everyone.',
  'home.feature.approvals.title': 'Honest approvals',
  'home.feature.approvals.text':
    'A person approves every promotion, seeing all the evidence: attempts, results, reading.',
  'home.feature.selfHost.title': 'One-command self-host',
  'home.feature.selfHost.text':
    'npm ci && npm start runs the platform on embedded PostgreSQL. It grows onto Redis, S3 and RabbitMQ.',
  'home.feature.speed.title': 'Speed',
  'home.feature.speed.text':
    'Pages are rendered on the server and work without JavaScript; a whole class can start an exam at once.',
  'home.apiTitle': 'For developers',
  'home.apiText': 'The REST API /api/v1 is described by an OpenAPI 3.1 document and an interactive reference.',
  'home.apiLink': 'Open the API reference',

  'error.notFound.title': 'Page not found',
  'error.notFound.text': 'There is no such page. The link may be outdated, or the address may contain a typo.',
  'error.server.title': 'Something went wrong',
  'error.server.text': 'We could not process the request. Please try again a little later.',
  'error.requestId': 'Request id: {requestId}',
  'error.backHome': 'Back to the home page',
  'error.generic.title': 'The request failed',

  'problem.bad_request': 'Bad request',
  'problem.malformed_body': 'The request body could not be parsed',
  'problem.malformed_body.detail': 'The request body is not valid JSON.',
  'problem.invalid_characters': 'Invalid characters',
  'problem.invalid_characters.detail':
    'The input contains a character that cannot be stored (such as the NUL character U+0000). Remove it and try again.',
  'problem.validation_failed': 'The data did not pass validation',
  'problem.validation_failed.detail': 'Correct the fields listed in errors.',
  'problem.unauthorized': 'Authentication required',
  'problem.forbidden': 'Forbidden',
  'problem.not_found': 'Not found',
  'problem.not_found.detail': 'The resource {path} does not exist.',
  'problem.method_not_allowed': 'Method not allowed',
  'problem.method_not_allowed.detail': 'The method {method} is not allowed for {path}. Allowed: {allow}.',
  'problem.conflict': 'State conflict',
  'problem.payload_too_large': 'Request too large',
  'problem.payload_too_large.detail': 'The request body is larger than the allowed {limit} bytes.',
  'problem.unsupported_media_type': 'Unsupported media type',
  'problem.unsupported_media_type.detail': 'The content type {contentType} is not supported here.',
  'problem.rule_violation': 'The action breaks a rule',
  'problem.rate_limited': 'Too many requests',
  'problem.rate_limited.detail': 'Try again in {seconds} s.',
  'problem.internal_error': 'Internal server error',
  'problem.internal_error.detail': 'The request failed because of an internal error. Quote request id {requestId}.',
  'problem.service_unavailable': 'Service unavailable',
  'problem.csrf_failed': 'The form check failed',
  'problem.csrf_failed.detail': 'The form is outdated or was sent from another site. Reload the page and try again.',
  'problem.idempotency_key_invalid': 'Invalid Idempotency-Key',
  'problem.idempotency_key_invalid.detail': 'An idempotency key must be 1 to 255 visible characters.',
  'problem.idempotency_key_reused': 'Idempotency key already used',
  'problem.idempotency_key_reused.detail': 'This Idempotency-Key was already used with a different request body.',
  'problem.idempotency_request_in_progress': 'Request in progress',
  'problem.idempotency_request_in_progress.detail':
    'A request with this Idempotency-Key is still being processed. Retry it later.',

  'validation.required': 'Required',
  'validation.type': 'Must be of type {type}',
  'validation.minLength': 'Must be at least {limit} characters',
  'validation.maxLength': 'Must be at most {limit} characters',
  'validation.minimum': 'Must be at least {limit}',
  'validation.maximum': 'Must be at most {limit}',
  'validation.format': 'Invalid format ({format})',
  'validation.pattern': 'Invalid format',
  'validation.enum': 'Value not allowed',
  'validation.additionalProperties': 'Unknown field',
  'validation.minItems': 'Must have at least {limit} items',
  'validation.maxItems': 'Must have at most {limit} items',
  'validation.invalid': 'Invalid value',

  'devMail.title': 'Mail (development)',
  'devMail.lead': 'Without SMTP_URL, Baza delivers no mail: every message is stored here instead.',
  'devMail.empty': 'No mail yet.',
  'devMail.latest': 'Latest messages, newest first',
  'devMail.sentAt': 'Sent',
  'devMail.to': 'To',
  'devMail.subject': 'Subject',
  'devMail.back': 'All mail',
  'devMail.textPart': 'Text',
  'devMail.htmlPart': 'HTML',
  'devMail.htmlFrameTitle': 'The HTML version of the message',
  'devMail.htmlSource': 'HTML source',
  'errors.dev_mail.message_not_found': 'Message {id} is not in the development mailbox.',
  ...identityEn,
  ...authPagesEn,
  ...accountPagesEn,
  ...catalogEn,
  ...questionsEn,
  ...questionsPagesEn,
  ...filesEn,
  ...contentEn,
  ...contentPagesEn,
  ...matrixEn,
  ...contactsEn,
  ...assessmentEn,
  ...progressEn,
  ...approvalsEn,
  ...learningPagesEn,
  ...analyticsEn,
};
