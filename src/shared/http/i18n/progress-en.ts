import type { progressRu } from './progress-ru.ts';

export const progressEn: Record<keyof typeof progressRu, string> = {
  'errors.progress.track_not_found': 'There is no such published track.',
  'errors.progress.not_enrolled': 'You are not enrolled in this track.',
  'errors.progress.enrollment_not_found': 'Enrollment not found.',
  'errors.progress.stage_not_found': 'The track has no stage with this number.',
  'errors.progress.article_not_assigned': 'This article is not assigned to you.',
  'errors.progress.diagnostic_required': 'Take the diagnostic first.',
  'errors.progress.stage_not_active': 'Stage {position} is not your active stage.',
  'errors.progress.articles_not_done': 'Study the assigned articles first: {remaining} left.',
  'errors.progress.stages_not_completed': 'The rank final opens once every stage of the track is completed.',
  'errors.progress.no_minitest': 'This article has no mini-test.',
  'errors.progress.forbidden': 'Only admins and the owner manage enrollments.',
  'errors.progress.extra_time_out_of_range': 'Extra time is 0 to 200 percent.',
  'errors.progress.certificate_not_found': 'No certificate has this code.',
};
