/** Messages of the assessment part of the learning journey (Russian). */
export const assessmentRu = {
  'errors.assessment.attempt_not_found': 'Попытка не найдена.',
  'errors.assessment.question_not_in_attempt': 'Этого вопроса нет в попытке.',
  'errors.assessment.enrollment_not_found': 'Вы не записаны на этот трек.',
  'errors.assessment.attempt_expired': 'Время попытки истекло: ответы больше не принимаются.',
  'errors.assessment.attempt_finished': 'Попытка уже завершена.',
  'errors.assessment.attempt_not_finished': 'Аннулировать можно только завершённую попытку.',
  'errors.assessment.attempt_already_annulled': 'Попытка уже аннулирована.',
  'errors.assessment.diagnostic_not_annullable': 'Диагностику проходят один раз: её нельзя аннулировать.',
  'errors.assessment.diagnostic_already_taken': 'Диагностика по этому треку уже пройдена.',
  'errors.assessment.already_passed': 'Этот экзамен уже сдан.',
  'errors.assessment.forbidden': 'Аннулировать попытки могут только администраторы и владелец.',
  'errors.assessment.invalid_selection': 'Выбранные варианты не подходят к этому вопросу.',
  'errors.assessment.invalid_selection.out_of_range': 'Такого варианта нет: номера от 0 до {max}.',
  'errors.assessment.invalid_selection.duplicate': 'Вариант {value} выбран дважды.',
  'errors.assessment.invalid_selection.single_takes_one': 'В этом вопросе можно выбрать только один вариант.',
  'errors.assessment.invalid_annul_reason': 'Укажите причину аннулирования (от 1 до 2000 символов).',
  'errors.assessment.invalid_annul_reason.required': 'Причина обязательна.',
  'errors.assessment.invalid_annul_reason.too_long': 'Не длиннее {max} символов.',
  'errors.assessment.question_bank_too_small':
    'В банке вопросов не хватает вопросов для этой попытки ({available} из {required}); пополните модули: {modules}.',
  'errors.assessment.cooldown': 'Следующая попытка будет доступна через {seconds} с.',
} as const;
