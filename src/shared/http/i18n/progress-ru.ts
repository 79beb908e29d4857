/** Messages of the progress part of the learning journey (Russian). */
export const progressRu = {
  'errors.progress.track_not_found': 'Такого опубликованного трека нет.',
  'errors.progress.not_enrolled': 'Вы не записаны на этот трек.',
  'errors.progress.enrollment_not_found': 'Такой записи на трек нет.',
  'errors.progress.stage_not_found': 'В треке нет этапа с таким номером.',
  'errors.progress.article_not_assigned': 'Эта статья вам не назначена.',
  'errors.progress.diagnostic_required': 'Сначала пройдите диагностику.',
  'errors.progress.stage_not_active': 'Этап {position} сейчас не ваш активный этап.',
  'errors.progress.articles_not_done': 'Сначала изучите назначенные статьи: осталось {remaining}.',
  'errors.progress.stages_not_completed': 'Итоговый экзамен открывается после всех этапов трека.',
  'errors.progress.no_minitest': 'У этой статьи нет мини-теста.',
  'errors.progress.forbidden': 'Записями на треки управляют администраторы и владелец.',
  'errors.progress.extra_time_out_of_range': 'Дополнительное время — от 0 до 200 процентов.',
  'errors.progress.certificate_not_found': 'Сертификата с таким кодом нет.',
} as const;
