import {
  SCALE_PASSWORD,
  SCALE_STAFF,
  scaleStudentEmail,
  scaleStudentStage,
  scaleStudentState,
  scaleStudentTrack,
  type ScaleStudentState,
} from '../../src/cli/seed-scale/manifest.ts';
import type { BenchAppEnv } from './app-env.ts';
import { issueSessions, type Session } from './sessions.ts';

export type SignedInStudent = Session & { trackSlug: string; stage: number };
export type StartedAttempt = { id: string; accessToken: string; questionIds: string[] };

/** Who the scenarios act as, and what they ask for, at one scale. */
export type Cast = {
  password: string;
  admin: Session;
  /** Enrolled and studying: progress and dashboard rotate over them. */
  studying: SignedInStudent[];
  /** Exam-ready: each starts one level exam. */
  examinees: SignedInStudent[];
  /** Accounts the login scenario rotates over (none of them signed in here). */
  loginEmails: string[];
  articleSlugs: string[];
  searchWords: string[];
  /** Filled by the exam start scenario. */
  attempts: StartedAttempt[];
};

/** Students of a state from the seed's manifest, spread over the whole range (not the first rows). */
export function studentsIn(state: ScaleStudentState, students: number, count: number): number[] {
  const all: number[] = [];
  for (let index = 1; index <= students; index += 1) if (scaleStudentState(index) === state) all.push(index);
  if (all.length <= count) return all;
  const step = all.length / count;
  return Array.from({ length: count }, (_, position) => all[Math.floor(position * step)]!);
}

export async function assembleCast(options: {
  env: BenchAppEnv;
  url: string;
  students: number;
  examStarts: number;
}): Promise<Cast> {
  const { students } = options;
  const studying = studentsIn('studying', students, 200);
  const examinees = studentsIn('exam-ready', students, options.examStarts);
  const loginAccounts = studentsIn('final', students, 200);
  const emails = [SCALE_STAFF.admin, ...studying.map(scaleStudentEmail), ...examinees.map(scaleStudentEmail)];
  const sessions = await issueSessions(options.env, emails);
  const signedIn = (index: number, at: number): SignedInStudent => ({
    ...sessions[at]!,
    trackSlug: scaleStudentTrack(index),
    stage: scaleStudentStage(index),
  });
  return {
    password: SCALE_PASSWORD,
    admin: sessions[0]!,
    studying: studying.map((index, position) => signedIn(index, 1 + position)),
    examinees: examinees.map((index, position) => signedIn(index, 1 + studying.length + position)),
    loginEmails: loginAccounts.map(scaleStudentEmail),
    ...(await publicFacts(options.url)),
    attempts: [],
  };
}

/** Article slugs and search words taken from the public article list the data has. */
async function publicFacts(url: string): Promise<{ articleSlugs: string[]; searchWords: string[] }> {
  const response = await fetch(`${url}/api/v1/articles?limit=100`);
  if (!response.ok) throw new Error(`GET /api/v1/articles answered ${response.status}`);
  const { items } = (await response.json()) as { items: { slug: string; title: string }[] };
  if (items.length === 0) throw new Error('the bench database has no published public articles');
  const words = new Set<string>();
  for (const item of items) {
    for (const word of item.title.toLowerCase().split(/[^\p{L}]+/u)) if (word.length >= 5) words.add(word);
  }
  return { articleSlugs: items.map((item) => item.slug), searchWords: [...words].slice(0, 30) };
}
