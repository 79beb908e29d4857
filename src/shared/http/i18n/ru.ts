import { assessmentRu } from './assessment-ru.ts';
import { progressRu } from './progress-ru.ts';
import { approvalsRu } from './approvals-ru.ts';
import { learningPagesRu } from './learning-pages-ru.ts';
import { analyticsRu } from './analytics-ru.ts';
import { filesRu } from './files-ru.ts';
import { contentRu } from './content-ru.ts';
import { contentPagesRu } from './content-pages-ru.ts';
import { matrixRu } from './matrix-ru.ts';
import { contactsRu } from './contacts-ru.ts';
import { accountPagesRu } from './account-pages-ru.ts';
import { authPagesRu } from './auth-pages-ru.ts';
import { catalogRu } from './catalog-ru.ts';
import { identityRu } from './identity-ru.ts';
import { questionsRu } from './questions-ru.ts';
import { questionsPagesRu } from './questions-pages-ru.ts';

/** The Russian catalog is the reference: every key here must exist in every other catalog. */
export const ru = {
  'app.name': 'Baza',
  'app.tagline': 'Адаптивная платформа обучения для школ',
  'nav.main': 'Основная навигация',
  'nav.home': 'Главная',
  'nav.apiDocs': 'API',
  'nav.toggle': 'Показать меню',
  'nav.skipToContent': 'Перейти к содержимому',
  'locale.switcherLabel': 'Язык интерфейса',
  'locale.ru': 'Русский',
  'locale.en': 'English',
  'locale.changed': 'Язык интерфейса изменён.',
  'flash.close': 'Закрыть',
  'footer.text': 'Baza — самостоятельно размещаемая платформа с открытым исходным кодом.',
  'footer.health': 'Состояние',

  'home.title': 'Учитесь по своей траектории',
  'home.lead':
    'Baza ведёт каждого ученика по треку: диагностика, статьи по слабым модулям, адаптивные экзамены уровня и повышение только с подтверждением преподавателя.',
  'home.browseTracks': 'Смотреть треки',
  'home.journeyTitle': 'Как проходит обучение',
  'home.journey.enroll': 'Ученик записывается на трек — например, «Хип-хоп» или «Backend».',
  'home.journey.diagnostic': 'Один раз проходит диагностику: она измеряет владение каждым модулем.',
  'home.journey.articles': 'Изучает статьи, назначенные по его слабым модулям, и сдаёт мини-тесты.',
  'home.journey.exam': 'Сдаёт экзамен уровня, собранный под него: больше вопросов там, где он слабее.',
  'home.journey.approval': 'Преподаватель подтверждает переход, и начинается следующий этап.',
  'home.journey.graduate': 'Финальный экзамен по всему треку — и сертификат с кодом проверки.',
  'home.featuresTitle': 'Чем Baza отличается',
  'home.feature.adaptive.title': 'Настоящая адаптивность',
  'home.feature.adaptive.text': 'Задания и экзамены строятся по освоению модулей, а не по одному шаблону для всех.',
  'home.feature.approvals.title': 'Честные подтверждения',
  'home.feature.approvals.text':
    'Каждое повышение подтверждает человек, видя все доказательства: попытки, результаты, прочитанное.',
  'home.feature.selfHost.title': 'Запуск одной командой',
  'home.feature.selfHost.text':
    'npm ci && npm start — и платформа работает на встроенном PostgreSQL. Растёт до Redis, S3 и RabbitMQ.',
  'home.feature.speed.title': 'Скорость',
  'home.feature.speed.text':
    'Страницы рендерятся на сервере и работают без JavaScript; целый класс может начать экзамен одновременно.',
  'home.apiTitle': 'Для разработчиков',
  'home.apiText': 'REST API /api/v1 описан документом OpenAPI 3.1 и интерактивным справочником.',
  'home.apiLink': 'Открыть справочник API',

  'error.notFound.title': 'Страница не найдена',
  'error.notFound.text': 'Такой страницы нет. Возможно, ссылка устарела или в адресе опечатка.',
  'error.server.title': 'Что-то пошло не так',
  'error.server.text': 'Мы не смогли обработать запрос. Попробуйте ещё раз чуть позже.',
  'error.requestId': 'Код запроса: {requestId}',
  'error.backHome': 'На главную',
  'error.generic.title': 'Запрос не выполнен',

  'problem.bad_request': 'Некорректный запрос',
  'problem.malformed_body': 'Тело запроса не удалось разобрать',
  'problem.malformed_body.detail': 'Тело запроса не является корректным JSON.',
  'problem.invalid_characters': 'Недопустимые символы',
  'problem.invalid_characters.detail':
    'Во вводе есть символ, который нельзя сохранить (например, нулевой байт U+0000). Уберите его и попробуйте снова.',
  'problem.validation_failed': 'Данные не прошли проверку',
  'problem.validation_failed.detail': 'Исправьте поля, перечисленные в errors.',
  'problem.unauthorized': 'Требуется вход',
  'problem.forbidden': 'Доступ запрещён',
  'problem.not_found': 'Не найдено',
  'problem.not_found.detail': 'Ресурс {path} не существует.',
  'problem.method_not_allowed': 'Метод не поддерживается',
  'problem.method_not_allowed.detail': 'Метод {method} не поддерживается для {path}. Разрешены: {allow}.',
  'problem.conflict': 'Конфликт состояния',
  'problem.payload_too_large': 'Слишком большой запрос',
  'problem.payload_too_large.detail': 'Тело запроса больше допустимых {limit} байт.',
  'problem.unsupported_media_type': 'Неподдерживаемый тип содержимого',
  'problem.unsupported_media_type.detail': 'Тип содержимого {contentType} не поддерживается здесь.',
  'problem.rule_violation': 'Действие нарушает правила',
  'problem.rate_limited': 'Слишком много запросов',
  'problem.rate_limited.detail': 'Повторите попытку через {seconds} с.',
  'problem.internal_error': 'Внутренняя ошибка сервера',
  'problem.internal_error.detail': 'Запрос не выполнен из-за внутренней ошибки. Сообщите код запроса {requestId}.',
  'problem.service_unavailable': 'Сервис недоступен',
  'problem.csrf_failed': 'Проверка формы не пройдена',
  'problem.csrf_failed.detail': 'Форма устарела или отправлена с другого сайта. Обновите страницу и попробуйте снова.',
  'problem.idempotency_key_invalid': 'Некорректный Idempotency-Key',
  'problem.idempotency_key_invalid.detail': 'Ключ идемпотентности должен содержать от 1 до 255 видимых символов.',
  'problem.idempotency_key_reused': 'Ключ идемпотентности уже использован',
  'problem.idempotency_key_reused.detail': 'Этот Idempotency-Key уже использован с другим телом запроса.',
  'problem.idempotency_request_in_progress': 'Запрос уже выполняется',
  'problem.idempotency_request_in_progress.detail':
    'Запрос с этим Idempotency-Key ещё обрабатывается. Повторите его позже.',

  'validation.required': 'Обязательное поле',
  'validation.type': 'Ожидается значение типа {type}',
  'validation.minLength': 'Не короче {limit} символов',
  'validation.maxLength': 'Не длиннее {limit} символов',
  'validation.minimum': 'Не меньше {limit}',
  'validation.maximum': 'Не больше {limit}',
  'validation.format': 'Неверный формат ({format})',
  'validation.pattern': 'Неверный формат',
  'validation.enum': 'Недопустимое значение',
  'validation.additionalProperties': 'Неизвестное поле',
  'validation.minItems': 'Не меньше {limit} элементов',
  'validation.maxItems': 'Не больше {limit} элементов',
  'validation.invalid': 'Недопустимое значение',

  'devMail.title': 'Почта (разработка)',
  'devMail.lead': 'Без SMTP_URL письма Baza никому не доставляются: они сохраняются здесь.',
  'devMail.empty': 'Писем пока нет.',
  'devMail.latest': 'Последние письма, сначала новые',
  'devMail.sentAt': 'Отправлено',
  'devMail.to': 'Кому',
  'devMail.subject': 'Тема',
  'devMail.back': 'Все письма',
  'devMail.textPart': 'Текст',
  'devMail.htmlPart': 'HTML',
  'devMail.htmlFrameTitle': 'HTML-версия письма',
  'devMail.htmlSource': 'Исходный код HTML',
  'errors.dev_mail.message_not_found': 'Письма {id} нет в почтовом ящике разработки.',
  ...identityRu,
  ...authPagesRu,
  ...accountPagesRu,
  ...catalogRu,
  ...questionsRu,
  ...questionsPagesRu,
  ...filesRu,
  ...contentRu,
  ...contentPagesRu,
  ...matrixRu,
  ...contactsRu,
  ...assessmentRu,
  ...progressRu,
  ...approvalsRu,
  ...learningPagesRu,
  ...analyticsRu,
} as const;

export type MessageKey = keyof typeof ru;
