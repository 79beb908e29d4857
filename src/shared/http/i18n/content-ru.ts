/** content: errors, API messages and pages (the reference catalog for content-en.ts). */
import { prefixed } from './questions-ru.ts';

const articleIssuesRu = {
  required: 'Поле обязательно.',
  too_long: 'Длиннее {max} символов.',
  control_characters: 'Есть управляющие символы.',
  slug_empty: 'Адрес пуст: в заголовке нет ни букв, ни цифр — задайте адрес вручную.',
  slug_format: 'Адрес — только строчные латинские буквы, цифры и одиночные дефисы.',
  locale: 'Язык — ru или en.',
  visibility: 'Видимость — public или students.',
  too_many_tags: 'Тегов больше {max}.',
  tag_too_long: 'Тег «{tag}» длиннее {max} символов.',
  tag_characters: 'В теге «{tag}» есть запятая или управляющие символы.',
  needs_track: 'Сначала выберите трек.',
  position: 'Позиция — целое число от 1 до {max}.',
  unknown_track: 'Такого трека нет.',
  module_not_in_track: 'Модуль не принадлежит выбранному треку.',
  stage_not_in_track: 'Этап не принадлежит выбранному треку.',
};

const minitestIssuesRu = {
  too_many_questions: 'Вопросов {count}, а в мини-тесте может быть не больше {max}.',
  empty_text: 'Текст вопроса пуст.',
  text_too_long: 'Текст вопроса длиннее {max} символов.',
  text_control_characters: 'В тексте вопроса есть управляющие символы.',
  explanation_too_long: 'Пояснение длиннее {max} символов.',
  explanation_control_characters: 'В пояснении есть управляющие символы.',
  too_few_options: 'Вариантов ответа {count}, а нужно от 2 до 10.',
  too_many_options: 'Вариантов ответа {count}, а можно не больше 10.',
  empty_option: 'Вариант ответа {option} пуст.',
  option_too_long: 'Вариант ответа {option} длиннее {max} символов.',
  option_control_characters: 'В варианте ответа {option} есть управляющие символы.',
  duplicate_option: 'Вариант ответа {option} повторяет другой вариант.',
  no_correct_option: 'Не отмечен ни один правильный вариант.',
  correct_out_of_range: 'Правильного варианта {value} нет среди вариантов ответа.',
  duplicate_correct: 'Правильный вариант {value} указан дважды.',
  single_needs_one_correct: 'У вопроса с одним ответом должен быть ровно один правильный вариант.',
  module_not_in_track: 'Модуль статьи не принадлежит её треку.',
  stage_not_in_track: 'Этап статьи не принадлежит её треку.',
  unknown_track: 'Трека статьи нет.',
};

export const contentRu = {
  'errors.content.forbidden': 'Писать статьи могут модераторы, администраторы и владелец.',
  'errors.content.article_not_found': 'Статья не найдена.',
  'errors.content.invalid_article': 'Статья заполнена с ошибками ({count}).',
  'errors.content.slug_taken': 'Адрес «{slug}» уже занят другой статьёй.',
  'errors.content.article_in_use':
    'На статью уже ссылаются задания или попытки учеников: её можно только снять с публикации.',
  'errors.content.minitest_needs_module': 'Мини-тест можно написать только для статьи, привязанной к треку и модулю.',
  'errors.content.invalid_minitest': 'В мини-тесте есть ошибки ({count}).',
  ...prefixed('errors.content.invalid_article.', articleIssuesRu),
  ...prefixed('errors.content.invalid_minitest.', minitestIssuesRu),
} as const;
