import type { EnrollmentView, TrackRef } from './contract.ts';
import type { EnrollmentRecord } from './ports.ts';

export function enrollmentView(record: EnrollmentRecord, track: TrackRef): EnrollmentView {
  return {
    id: record.id,
    userId: record.userId,
    track: { id: track.id, slug: track.slug, title: track.title },
    status: record.status,
    extraTimePercent: record.extraTimePercent,
    enrolledAt: record.enrolledAt,
    graduatedAt: record.graduatedAt,
  };
}
