import {
  SCALE_PASSWORD,
  SCALE_STAFF,
  scaleStudentEmail,
  scaleStudentState,
  scaleStudentTrack,
  type ScaleStudentState,
} from '../../src/cli/seed-scale/manifest.ts';

export type RosterStudent = { email: string; trackSlug: string };

/** Who plays each part, by the seed's manifest: same students every run at the same scale. */
export type Roster = {
  password: string;
  staff: string;
  /** Enrolled and studying: progress, dashboard and stage page. */
  student: RosterStudent;
  /** Stage work done, no attempt running or cooling down: can start a level exam. */
  examinee: RosterStudent;
};

export function scaleRoster(students: number): Roster {
  return {
    password: SCALE_PASSWORD,
    staff: SCALE_STAFF.owner,
    student: firstIn('studying', students),
    examinee: firstIn('exam-ready', students),
  };
}

function firstIn(state: ScaleStudentState, students: number): RosterStudent {
  // The middle of the range rather than its start: not the first rows of every table.
  const start = Math.max(1, Math.floor(students / 2));
  for (let offset = 0; offset < students; offset += 1) {
    const index = ((start - 1 + offset) % students) + 1;
    if (scaleStudentState(index) === state) {
      return { email: scaleStudentEmail(index), trackSlug: scaleStudentTrack(index) };
    }
  }
  throw new Error(`no ${state} student among ${students}: the seed's manifest changed?`);
}
