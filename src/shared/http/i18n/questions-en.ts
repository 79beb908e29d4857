import { prefixed, type questionsRu } from './questions-ru.ts';

const questionIssuesEn = {
  unknown_track: 'There is no such track.',
  module_not_in_track: "The module is not one of the question's track.",
  stage_not_in_track: "The stage is not one of the question's track.",
  empty_text: 'The question text is empty.',
  text_too_long: 'The question text is longer than {max} characters.',
  empty_name: 'The name cannot be only spaces.',
  name_too_long: 'The name is longer than {max} characters.',
  explanation_too_long: 'The explanation is longer than {max} characters.',
  too_few_options: 'There are {count} options; a question needs 2 to 10.',
  too_many_options: 'There are {count} options; at most 10 are allowed.',
  empty_option: 'Option {option} is empty.',
  option_too_long: 'Option {option} is longer than {max} characters.',
  duplicate_option: 'Option {option} repeats another option.',
  no_correct_option: 'No option is marked correct.',
  correct_out_of_range: 'Correct option {value} is not one of the options.',
  duplicate_correct: 'Correct option {value} is given twice.',
  single_needs_one_correct: 'A single-answer question needs exactly one correct option.',
  text_control_characters: 'The question text contains control characters.',
  name_control_characters: 'The name contains control characters.',
  explanation_control_characters: 'The explanation contains control characters.',
  option_control_characters: 'Option {option} contains control characters.',
};

const importReasonsEn = {
  ...questionIssuesEn,
  no_questions: 'The file holds no questions.',
  no_module: 'No module: give a category (the module column) or choose a module for the whole import.',
  unknown_module: 'The track has no module "{module}" (looked up by slug or title).',
  unknown_stage: 'The track has no stage {stage}.',
  unsupported_type:
    'Questions of type "{type}" are not supported: the bank holds single and multiple choice and true/false.',
  'unsupported_type.short_answer':
    'Short answer questions are not supported: the bank holds single and multiple choice and true/false.',
  'unsupported_type.essay':
    'Essay questions are not supported: the bank holds single and multiple choice and true/false.',
  'unsupported_type.numerical':
    'Numerical questions are not supported: the bank holds single and multiple choice and true/false.',
  'unsupported_type.matching':
    'Matching questions are not supported: the bank holds single and multiple choice and true/false.',
  'unsupported_type.cloze':
    'Embedded answers (cloze) questions are not supported: the bank holds single and multiple choice and true/false.',
  'unsupported_type.description':
    'Descriptions (text without answers) are not imported: the bank holds single and multiple choice and true/false.',
  unclosed_answer_block: 'The answer block is not closed: a "{" or "}" is missing (escape them in text as \\{ \\}).',
  invalid_weight: 'The answer weight "{value}" does not fit.',
  'invalid_weight.malformed': 'The answer weight "{value}" is malformed: write a number such as %50%.',
  'invalid_weight.out_of_range': 'The answer weight "{value}" is outside -100 to 100.',
  'invalid_weight.partial_credit': 'Partial credit ({value}%) is not supported: an option is either right or wrong.',
  'invalid_weight.sum_not_100': 'The weights of the correct options add up to {value}, not 100.',
  several_correct_in_single:
    'There are {count} correct answers (=) where one is allowed; for several, give weights such as ~%50%.',
  missing_answer_line: 'The ANSWER: line with the letter of the correct option is missing.',
  answer_not_an_option: 'The answer "{answer}" is not the letter of any option.',
  non_consecutive_options: 'Options must be lettered from A on without gaps.',
  unclosed_quote: 'A quote opens and never closes: the rest of the file cannot be read.',
  duplicate_column: 'The column "{column}" is named twice.',
  missing_column: 'The required column "{column}" is missing.',
  invalid_type: 'The type "{type}" is unknown: use single or multiple.',
  option_gap: 'Option {option} is empty while a later option is filled.',
  invalid_correct: 'The correct column holds "{value}", which is not an option number.',
  invalid_stage: 'The stage "{value}" is not a positive whole number.',
};

export const questionsEn: Record<keyof typeof questionsRu, string> = {
  'errors.questions.forbidden': 'The question bank is for moderators, admins and the owner.',
  'errors.questions.question_not_found': 'No such question.',
  'errors.questions.track_not_found': 'No such track.',
  'errors.questions.invalid_question': 'The question has errors: fix the fields listed in errors.',
  'errors.questions.invalid_import': "The import's module or stage is not one of the chosen track.",
  'errors.questions.question_retired': 'The question is retired and cannot be edited.',
  'errors.questions.question_used': 'Attempts have used this question: it can only be retired.',
  'errors.questions.file_missing': 'Attach the question file as the file field.',
  'errors.questions.file_not_utf8': 'The file is not UTF-8 text. Save it as UTF-8 and upload it again.',
  'errors.questions.import_field_invalid': 'The import fields have errors: fix the ones listed in errors.',
  'errors.questions.import_field_invalid.required': 'This field is required.',
  'errors.questions.import_field_invalid.format': 'The format must be gift, aiken or csv.',
  'errors.questions.import_field_invalid.uuid': 'An id (UUID) is required here.',
  'errors.questions.import_field_invalid.flag': 'Use true or false.',
  'errors.questions.malformed_form': 'The body is not a well-formed multipart/form-data form.',
  'errors.questions.one_file': 'The import takes one file: attach it as the file field.',
  'errors.questions.file_too_large': 'The file is larger than {limit} bytes. Split it into parts.',
  'errors.questions.not_multipart': 'Send the file as multipart/form-data (the file field).',
  ...prefixed('errors.questions.invalid_question.', questionIssuesEn),
  'errors.questions.invalid_import.module_not_in_track': 'The module is not one of the track.',
  'errors.questions.invalid_import.stage_not_in_track': 'The stage is not one of the track.',
  ...prefixed('questions.import.', importReasonsEn),
};
