/** Sign-up and sign-in pages, navigation for signed-in users (the reference for auth-pages-en.ts). */
export const authPagesRu = {
  'form.errorPrefix': 'Ошибка:',

  'nav.account': 'Учётная запись',
  'nav.signIn': 'Войти',
  'nav.register': 'Регистрация',
  'nav.profile': 'Профиль',
  'nav.logout': 'Выйти',
  'nav.tracks': 'Треки',
  'nav.blog': 'Блог',
  'nav.matrix': 'Матрица компетенций',
  'nav.contact': 'Связаться',
  'nav.adminArticles': 'Статьи',
  'nav.adminMatrix': 'Матрица',
  'nav.learning': 'Моё обучение',
  'nav.adminApprovals': 'Одобрения',
  'nav.adminEnrollments': 'Студенты',
  'nav.adminAnalytics': 'Аналитика',
  'nav.adminContacts': 'Обращения',
  'nav.adminQuestions': 'Банк вопросов',
  'nav.adminTracks': 'Каталог',
  'nav.adminUsers': 'Пользователи',
  'nav.adminAudit': 'Журнал аудита',

  'auth.field.email': 'Email',
  'auth.field.displayName': 'Имя',
  'auth.field.displayNameHint': 'Так вас увидят преподаватели и другие участники.',
  'auth.field.password': 'Пароль',
  'auth.field.newPassword': 'Новый пароль',
  'auth.field.newPasswordHint':
    'От 8 до 128 символов, любые символы — подойдёт и фраза из нескольких слов. Распространённые пароли не принимаются.',
  'auth.field.mfaCode': 'Код из приложения',
  'auth.field.mfaCodeHint':
    '6 цифр из приложения-аутентификатора. Нет доступа к приложению? Подойдёт код восстановления.',
  'auth.field.recoveryCode': 'Код восстановления',

  'auth.error.fixFields': 'Проверьте отмеченные поля.',
  'auth.error.emailRequired': 'Укажите email.',
  'auth.error.emailInvalid': 'Укажите email в формате name@example.com.',
  'auth.error.displayNameRequired': 'Укажите имя.',
  'auth.error.displayNameTooLong': 'Имя должно быть не длиннее {max} символов.',
  'auth.error.passwordRequired': 'Введите пароль.',
  'auth.error.codeRequired': 'Введите код из приложения или код восстановления.',

  'auth.link.haveAccount': 'Уже есть учётная запись? Войти',
  'auth.link.signIn': 'Войти',
  'auth.link.register': 'Нет учётной записи? Зарегистрироваться',
  'auth.link.forgotPassword': 'Забыли пароль?',
  'auth.link.resendVerification': 'Отправить письмо для подтверждения email ещё раз',
  'auth.link.sendAgain': 'Письмо не пришло? Отправить ещё раз',
  'auth.link.startOver': 'Начать вход заново',
  'auth.link.newResetLink': 'Запросить новую ссылку для сброса пароля',

  'auth.register.title': 'Регистрация',
  'auth.register.lead': 'Создайте учётную запись, чтобы записываться на треки и отслеживать прогресс.',
  'auth.register.submit': 'Зарегистрироваться',

  'auth.checkEmail.title': 'Проверьте почту',
  'auth.checkEmail.registered':
    'Мы отправили письмо на указанный адрес. Перейдите по ссылке из него, чтобы подтвердить email и войти.',
  'auth.checkEmail.verification': 'Если учётной записи нужно подтверждение email, мы отправили на адрес новую ссылку.',
  'auth.checkEmail.reset': 'Если с этим адресом связана учётная запись, мы отправили на него ссылку для сброса пароля.',
  'auth.checkEmail.spam': 'Письмо может прийти через несколько минут. Проверьте папку «Спам».',
  'auth.checkEmail.devMailbox': 'Режим разработки: письма не отправляются, а сохраняются в почтовом ящике разработки —',

  'auth.verify.title': 'Подтверждение email',
  'auth.verify.lead': 'Нажмите кнопку, чтобы подтвердить адрес и завершить регистрацию.',
  'auth.verify.submit': 'Подтвердить мой email',
  'auth.verify.done': 'Email подтверждён. Теперь можно войти.',

  'auth.resend.title': 'Письмо для подтверждения email',
  'auth.resend.lead': 'Укажите адрес, с которым регистрировались, — мы отправим новую ссылку.',
  'auth.resend.submit': 'Отправить ссылку',

  'auth.forgot.title': 'Восстановление пароля',
  'auth.forgot.lead': 'Укажите email учётной записи — мы отправим ссылку для сброса пароля.',
  'auth.forgot.submit': 'Отправить ссылку',

  'auth.login.title': 'Вход',
  'auth.login.submit': 'Войти',

  'auth.mfa.title': 'Подтверждение входа',
  'auth.mfa.lead': 'Для учётной записи включена двухфакторная аутентификация.',
  'auth.mfa.useRecoveryCode': 'Войти с кодом восстановления',
  'auth.mfa.submit': 'Подтвердить',

  'auth.reset.title': 'Новый пароль',
  'auth.reset.lead': 'Задайте новый пароль. После смены все сессии будут завершены.',
  'auth.reset.submit': 'Сменить пароль',
  'auth.reset.done': 'Пароль изменён, все сессии завершены. Войдите с новым паролем.',

  'auth.loggedOut': 'Вы вышли из системы.',
} as const;
