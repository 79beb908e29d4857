/** Questions: errors, API messages and pages (the reference catalog for questions-en.ts). */

/** `{ a: … }` → `{ '<prefix>a': … }`, keeping the literal keys the catalog's type is made of. */
export function prefixed<P extends string, T extends Record<string, string>>(
  prefix: P,
  messages: T,
): { [K in keyof T & string as `${P}${K}`]: string } {
  return Object.fromEntries(Object.entries(messages).map(([key, text]) => [`${prefix}${key}`, text])) as {
    [K in keyof T & string as `${P}${K}`]: string;
  };
}

/** What can be wrong with one question: field issues of the API and rejections of an import alike. */
const questionIssuesRu = {
  unknown_track: 'Такого трека нет.',
  module_not_in_track: 'Модуль не принадлежит треку вопроса.',
  stage_not_in_track: 'Этап не принадлежит треку вопроса.',
  empty_text: 'Текст вопроса пуст.',
  text_too_long: 'Текст вопроса длиннее {max} символов.',
  empty_name: 'Название не может состоять из одних пробелов.',
  name_too_long: 'Название длиннее {max} символов.',
  explanation_too_long: 'Пояснение длиннее {max} символов.',
  too_few_options: 'Вариантов ответа {count}, а нужно от 2 до 10.',
  too_many_options: 'Вариантов ответа {count}, а можно не больше 10.',
  empty_option: 'Вариант ответа {option} пуст.',
  option_too_long: 'Вариант ответа {option} длиннее {max} символов.',
  duplicate_option: 'Вариант ответа {option} повторяет другой вариант.',
  no_correct_option: 'Не отмечен ни один правильный вариант.',
  correct_out_of_range: 'Правильного варианта {value} нет среди вариантов ответа.',
  duplicate_correct: 'Правильный вариант {value} указан дважды.',
  single_needs_one_correct: 'У вопроса с одним ответом должен быть ровно один правильный вариант.',
  text_control_characters: 'В тексте вопроса есть управляющие символы.',
  name_control_characters: 'В названии есть управляющие символы.',
  explanation_control_characters: 'В пояснении есть управляющие символы.',
  option_control_characters: 'В варианте ответа {option} есть управляющие символы.',
};

/** Why an import refused a question (the parsers' and the mapping's reason codes). */
const importReasonsRu = {
  ...questionIssuesRu,
  no_questions: 'В файле не найдено ни одного вопроса.',
  no_module: 'Не указан модуль: задайте категорию (столбец module) или выберите модуль для всего импорта.',
  unknown_module: 'В треке нет модуля «{module}» (ищется по slug или названию).',
  unknown_stage: 'В треке нет этапа {stage}.',
  unsupported_type:
    'Тип вопроса «{type}» не поддерживается: банк хранит вопросы с одним или несколькими правильными вариантами и «верно/неверно».',
  'unsupported_type.short_answer':
    'Вопросы типа «короткий ответ» не поддерживаются: банк хранит вопросы с одним или несколькими правильными вариантами и «верно/неверно».',
  'unsupported_type.essay':
    'Вопросы типа «эссе» не поддерживаются: банк хранит вопросы с одним или несколькими правильными вариантами и «верно/неверно».',
  'unsupported_type.numerical':
    'Вопросы типа «числовой ответ» не поддерживаются: банк хранит вопросы с одним или несколькими правильными вариантами и «верно/неверно».',
  'unsupported_type.matching':
    'Вопросы типа «на соответствие» не поддерживаются: банк хранит вопросы с одним или несколькими правильными вариантами и «верно/неверно».',
  'unsupported_type.cloze':
    'Вопросы типа «вложенные ответы (cloze)» не поддерживаются: банк хранит вопросы с одним или несколькими правильными вариантами и «верно/неверно».',
  'unsupported_type.description':
    'Описания (текст без вариантов ответа) не импортируются: банк хранит вопросы с одним или несколькими правильными вариантами и «верно/неверно».',
  unclosed_answer_block:
    'Блок ответов не закрыт: не хватает «{» или «}» (внутри текста их нужно экранировать: \\{ \\}).',
  invalid_weight: 'Вес ответа «{value}» не подходит.',
  'invalid_weight.malformed': 'Вес ответа «{value}» записан неверно: нужно число, например %50%.',
  'invalid_weight.out_of_range': 'Вес ответа «{value}» вне пределов от -100 до 100.',
  'invalid_weight.partial_credit': 'Частичный балл ({value}%) не поддерживается: вариант либо верен, либо нет.',
  'invalid_weight.sum_not_100': 'Веса правильных вариантов в сумме дают {value}, а должны давать 100.',
  several_correct_in_single:
    'Правильных вариантов {count}: в вопросе с одним ответом (=) он должен быть один. Для нескольких используйте веса ~%50%.',
  missing_answer_line: 'Нет строки ANSWER: с буквой правильного варианта.',
  answer_not_an_option: 'Ответ «{answer}» не совпадает с буквой ни одного варианта.',
  non_consecutive_options: 'Варианты должны идти по алфавиту с A без пропусков.',
  unclosed_quote: 'Кавычка открыта и не закрыта: остаток файла прочитать нельзя.',
  duplicate_column: 'Столбец «{column}» указан дважды.',
  missing_column: 'Нет обязательного столбца «{column}».',
  invalid_type: 'Тип «{type}» неизвестен: допустимы single и multiple.',
  option_gap: 'Вариант {option} пуст, а следующий за ним заполнен.',
  invalid_correct: 'В столбце correct «{value}» — это не номер варианта.',
  invalid_stage: 'Этап «{value}» — не положительное целое число.',
};

export const questionsRu = {
  'errors.questions.forbidden': 'Банк вопросов доступен модераторам, администраторам и владельцу.',
  'errors.questions.question_not_found': 'Вопрос не найден.',
  'errors.questions.track_not_found': 'Трек не найден.',
  'errors.questions.invalid_question': 'Вопрос заполнен с ошибками: исправьте поля, перечисленные в errors.',
  'errors.questions.invalid_import': 'Модуль или этап импорта не принадлежит выбранному треку.',
  'errors.questions.question_retired': 'Вопрос снят с использования, его нельзя изменить.',
  'errors.questions.question_used': 'Вопрос уже использовался в попытках: его можно только снять с использования.',
  'errors.questions.file_missing': 'Приложите файл с вопросами в поле file.',
  'errors.questions.file_not_utf8': 'Файл не в кодировке UTF-8. Сохраните его как UTF-8 и загрузите снова.',
  'errors.questions.import_field_invalid': 'Поля импорта заполнены с ошибками: исправьте перечисленные в errors.',
  'errors.questions.import_field_invalid.required': 'Обязательное поле.',
  'errors.questions.import_field_invalid.format': 'Допустимы форматы gift, aiken и csv.',
  'errors.questions.import_field_invalid.uuid': 'Нужен идентификатор (UUID).',
  'errors.questions.import_field_invalid.flag': 'Допустимы значения true и false.',
  'errors.questions.malformed_form': 'Тело запроса — не корректная форма multipart/form-data.',
  'errors.questions.one_file': 'Импорт принимает один файл: приложите его в поле file.',
  'errors.questions.file_too_large': 'Файл больше {limit} байт. Разбейте его на части.',
  'errors.questions.not_multipart': 'Отправьте файл как multipart/form-data (поле file).',
  ...prefixed('errors.questions.invalid_question.', questionIssuesRu),
  'errors.questions.invalid_import.module_not_in_track': 'Модуль не принадлежит треку.',
  'errors.questions.invalid_import.stage_not_in_track': 'Этап не принадлежит треку.',
  ...prefixed('questions.import.', importReasonsRu),
};
