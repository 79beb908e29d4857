import type { catalogRu } from './catalog-ru.ts';

export const catalogEn: Record<keyof typeof catalogRu, string> = {
  'errors.catalog.forbidden': 'The catalog is managed by admins and the owner.',
  'errors.catalog.track_not_found': 'There is no such track.',
  'errors.catalog.stage_not_found': 'There is no such stage.',
  'errors.catalog.module_not_found': 'There is no such module.',
  'errors.catalog.settings_version_not_found': 'The track has no settings version {version}.',
  'errors.catalog.invalid_input': 'Fix the fields with errors ({count}).',
  'errors.catalog.invalid_input.required': 'Required.',
  'errors.catalog.invalid_input.too_long': 'At most {max} characters.',
  'errors.catalog.invalid_input.slug_format':
    'Only lowercase latin letters, digits and single hyphens between them, e.g. “hip-hop-101”.',
  'errors.catalog.invalid_input.position_range': 'The position is a whole number from 1 to {max}.',
  'errors.catalog.slug_taken': 'Another track already has the address “{slug}”.',
  'errors.catalog.module_slug_taken': 'The track already has a module with the address “{slug}”.',
  'errors.catalog.track_published':
    'The track is published, so its stages and modules stay as they are. Unpublish it to add, move or delete them.',
  'errors.catalog.track_not_draft': 'Only a draft can be deleted. Unpublish the track first.',
  'errors.catalog.track_in_use': 'The track cannot be deleted: the bank holds its questions ({count}).',
  'errors.catalog.stage_in_use': 'The stage cannot be deleted: questions use it ({count}).',
  'errors.catalog.module_in_use': 'The module cannot be deleted: questions use it ({count}).',
  'errors.catalog.stages_required': 'Add at least one stage.',
  'errors.catalog.modules_required': 'Add at least one module.',
  'errors.catalog.settings_required': 'There is no current settings version: create one and activate it.',
  'errors.catalog.invalid_settings': 'The settings are invalid: {count} errors.',
  'errors.catalog.invalid_settings.not_an_integer': 'A whole number is needed.',
  'errors.catalog.invalid_settings.not_a_boolean': 'true or false is needed.',
  'errors.catalog.invalid_settings.out_of_range': 'From {min} to {max}.',
  'errors.catalog.invalid_settings.min_above_max': 'The minimum ({min}) is above the maximum ({max}).',
  'errors.catalog.invalid_settings.infeasible_question_count':
    'With {modules} modules an exam can hold {lowest} to {highest} questions.',
  'errors.catalog.invalid_settings.unknown_field': 'There is no such setting.',
  'errors.catalog.invalid_settings.not_an_object': 'An object of settings is expected.',
  'errors.catalog.invalid_settings.too_long': 'At most {max} characters.',
  'errors.catalog.settings_outdated':
    'Settings version {version} no longer fits the track (its number of modules changed): create a new version.',
  'errors.catalog.settings_outdated.not_an_integer': 'A whole number is needed.',
  'errors.catalog.settings_outdated.not_a_boolean': 'true or false is needed.',
  'errors.catalog.settings_outdated.out_of_range': 'From {min} to {max}.',
  'errors.catalog.settings_outdated.min_above_max': 'The minimum ({min}) is above the maximum ({max}).',
  'errors.catalog.settings_outdated.infeasible_question_count':
    'With {modules} modules an exam can hold {lowest} to {highest} questions.',
  'errors.catalog.question_bank_too_small':
    'The bank lacks questions to fill every exam: stage {stage}, module “{module}” has {available} questions, {needed} needed. Shortages in all: {gaps}.',
  'errors.catalog.question_bank_too_small.diagnostic':
    'Diagnostic, module “{module}”: {available} questions, {needed} needed.',
  'errors.catalog.question_bank_too_small.level_exam':
    'Stage {stage} “{stageTitle}”, module “{module}”: {available} questions, {needed} needed.',
  'errors.catalog.question_bank_too_small.rank_final':
    'Final exam, module “{module}”: {available} questions, {needed} needed.',
};
