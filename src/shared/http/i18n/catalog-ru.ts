/** Catalog: errors, API messages and pages (the reference catalog for catalog-en.ts). */
export const catalogRu = {
  'errors.catalog.forbidden': 'Каталогом управляют администраторы и владелец.',
  'errors.catalog.track_not_found': 'Такого трека нет.',
  'errors.catalog.stage_not_found': 'Такого этапа нет.',
  'errors.catalog.module_not_found': 'Такого модуля нет.',
  'errors.catalog.settings_version_not_found': 'У трека нет версии настроек {version}.',
  'errors.catalog.invalid_input': 'Исправьте поля с ошибками ({count}).',
  'errors.catalog.invalid_input.required': 'Обязательное поле.',
  'errors.catalog.invalid_input.too_long': 'Не длиннее {max} символов.',
  'errors.catalog.invalid_input.slug_format':
    'Только строчные латинские буквы, цифры и одиночные дефисы между ними, например «hip-hop-101».',
  'errors.catalog.invalid_input.position_range': 'Позиция — целое число от 1 до {max}.',
  'errors.catalog.slug_taken': 'Адрес «{slug}» уже занят другим треком.',
  'errors.catalog.module_slug_taken': 'В треке уже есть модуль с адресом «{slug}».',
  'errors.catalog.track_published':
    'Трек опубликован: его этапы и модули не меняются. Снимите трек с публикации, чтобы добавлять, перемещать или удалять их.',
  'errors.catalog.track_not_draft': 'Удалить можно только черновик. Сначала снимите трек с публикации.',
  'errors.catalog.track_in_use': 'Трек нельзя удалить: в банке есть его вопросы ({count}).',
  'errors.catalog.stage_in_use': 'Этап нельзя удалить: его используют вопросы ({count}).',
  'errors.catalog.module_in_use': 'Модуль нельзя удалить: его используют вопросы ({count}).',
  'errors.catalog.stages_required': 'Добавьте хотя бы один этап.',
  'errors.catalog.modules_required': 'Добавьте хотя бы один модуль.',
  'errors.catalog.settings_required': 'Нет текущей версии настроек: создайте версию и активируйте её.',
  'errors.catalog.invalid_settings': 'Настройки не прошли проверку: ошибок — {count}.',
  'errors.catalog.invalid_settings.not_an_integer': 'Нужно целое число.',
  'errors.catalog.invalid_settings.not_a_boolean': 'Нужно true или false.',
  'errors.catalog.invalid_settings.out_of_range': 'Допустимо от {min} до {max}.',
  'errors.catalog.invalid_settings.min_above_max': 'Минимум ({min}) больше максимума ({max}).',
  'errors.catalog.invalid_settings.infeasible_question_count':
    'При модулях: {modules} — в экзамене может быть от {lowest} до {highest} вопросов.',
  'errors.catalog.invalid_settings.unknown_field': 'Такого параметра нет.',
  'errors.catalog.invalid_settings.not_an_object': 'Ожидается объект с параметрами.',
  'errors.catalog.invalid_settings.too_long': 'Не длиннее {max} символов.',
  'errors.catalog.settings_outdated':
    'Версия настроек {version} больше не подходит треку (изменилось число модулей): создайте новую версию.',
  'errors.catalog.settings_outdated.not_an_integer': 'Нужно целое число.',
  'errors.catalog.settings_outdated.not_a_boolean': 'Нужно true или false.',
  'errors.catalog.settings_outdated.out_of_range': 'Допустимо от {min} до {max}.',
  'errors.catalog.settings_outdated.min_above_max': 'Минимум ({min}) больше максимума ({max}).',
  'errors.catalog.settings_outdated.infeasible_question_count':
    'При модулях: {modules} — в экзамене может быть от {lowest} до {highest} вопросов.',
  'errors.catalog.question_bank_too_small':
    'В банке не хватает вопросов, чтобы собрать каждый экзамен: этап {stage}, модуль «{module}» — вопросов {available}, нужно {needed}. Всего нехваток: {gaps}.',
  'errors.catalog.question_bank_too_small.diagnostic':
    'Диагностика, модуль «{module}»: вопросов {available}, нужно {needed}.',
  'errors.catalog.question_bank_too_small.level_exam':
    'Этап {stage} «{stageTitle}», модуль «{module}»: вопросов {available}, нужно {needed}.',
  'errors.catalog.question_bank_too_small.rank_final':
    'Итоговый экзамен, модуль «{module}»: вопросов {available}, нужно {needed}.',
};
