import type { contentRu } from './content-ru.ts';
import { prefixed } from './questions-ru.ts';

const articleIssuesEn = {
  required: 'This field is required.',
  too_long: 'Longer than {max} characters.',
  control_characters: 'Contains control characters.',
  slug_empty: 'The address is empty: the title has no letters or digits — set the address yourself.',
  slug_format: 'The address takes lower-case Latin letters, digits and single hyphens only.',
  locale: 'The language is ru or en.',
  visibility: 'The visibility is public or students.',
  too_many_tags: 'More than {max} tags.',
  tag_too_long: 'The tag “{tag}” is longer than {max} characters.',
  tag_characters: 'The tag “{tag}” contains a comma or control characters.',
  needs_track: 'Choose a track first.',
  position: 'The position is a whole number from 1 to {max}.',
  unknown_track: 'There is no such track.',
  module_not_in_track: 'The module is not in the chosen track.',
  stage_not_in_track: 'The stage is not in the chosen track.',
};

const minitestIssuesEn = {
  too_many_questions: '{count} questions, but a mini-test holds at most {max}.',
  empty_text: 'The question text is empty.',
  text_too_long: 'The question text is longer than {max} characters.',
  text_control_characters: 'The question text contains control characters.',
  explanation_too_long: 'The explanation is longer than {max} characters.',
  explanation_control_characters: 'The explanation contains control characters.',
  too_few_options: '{count} answer options, but 2 to 10 are needed.',
  too_many_options: '{count} answer options, but at most 10 are allowed.',
  empty_option: 'Answer option {option} is empty.',
  option_too_long: 'Answer option {option} is longer than {max} characters.',
  option_control_characters: 'Answer option {option} contains control characters.',
  duplicate_option: 'Answer option {option} repeats another option.',
  no_correct_option: 'No option is marked correct.',
  correct_out_of_range: 'Correct option {value} is not among the answer options.',
  duplicate_correct: 'Correct option {value} is given twice.',
  single_needs_one_correct: 'A single-answer question needs exactly one correct option.',
  module_not_in_track: 'The article’s module is not in its track.',
  stage_not_in_track: 'The article’s stage is not in its track.',
  unknown_track: 'The article’s track does not exist.',
};

export const contentEn = {
  'errors.content.forbidden': 'Only moderators, admins and the owner write articles.',
  'errors.content.article_not_found': 'Article not found.',
  'errors.content.invalid_article': 'The article has errors ({count}).',
  'errors.content.slug_taken': 'The address “{slug}” is already taken by another article.',
  'errors.content.article_in_use': 'Student assignments or attempts refer to this article: it can only be unpublished.',
  'errors.content.minitest_needs_module': 'Only an article linked to a track and a module can have a mini-test.',
  'errors.content.invalid_minitest': 'The mini-test has errors ({count}).',
  ...prefixed('errors.content.invalid_article.', articleIssuesEn),
  ...prefixed('errors.content.invalid_minitest.', minitestIssuesEn),
} as const satisfies Record<keyof typeof contentRu, string>;
