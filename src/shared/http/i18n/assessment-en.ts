import type { assessmentRu } from './assessment-ru.ts';

export const assessmentEn: Record<keyof typeof assessmentRu, string> = {
  'errors.assessment.attempt_not_found': 'Attempt not found.',
  'errors.assessment.question_not_in_attempt': 'This question is not part of the attempt.',
  'errors.assessment.enrollment_not_found': 'You are not enrolled in this track.',
  'errors.assessment.attempt_expired': 'The time of this attempt is up: answers are no longer accepted.',
  'errors.assessment.attempt_finished': 'This attempt is already finished.',
  'errors.assessment.attempt_not_finished': 'Only a finished attempt can be annulled.',
  'errors.assessment.attempt_already_annulled': 'This attempt is already annulled.',
  'errors.assessment.diagnostic_not_annullable': 'The diagnostic is taken once: it cannot be annulled.',
  'errors.assessment.diagnostic_already_taken': 'The diagnostic of this track is already taken.',
  'errors.assessment.already_passed': 'This exam is already passed.',
  'errors.assessment.forbidden': 'Only admins and the owner annul attempts.',
  'errors.assessment.invalid_selection': 'The selected options do not fit this question.',
  'errors.assessment.invalid_selection.out_of_range': 'No such option: the indexes go from 0 to {max}.',
  'errors.assessment.invalid_selection.duplicate': 'Option {value} is selected twice.',
  'errors.assessment.invalid_selection.single_takes_one': 'This question takes exactly one option.',
  'errors.assessment.invalid_annul_reason': 'Give the reason for the annulment (1 to 2000 characters).',
  'errors.assessment.invalid_annul_reason.required': 'The reason is required.',
  'errors.assessment.invalid_annul_reason.too_long': 'At most {max} characters.',
  'errors.assessment.question_bank_too_small':
    'The question bank has too few questions for this attempt ({available} of {required}); add questions to: {modules}.',
  'errors.assessment.cooldown': 'The next attempt is possible in {seconds} s.',
};
