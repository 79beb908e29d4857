import type { Config } from '../config.ts';
import { dataFile } from '../shared/infrastructure/data-files.ts';
import type { Logger } from '../shared/infrastructure/logging.ts';
import { readDemoArticles, seedDemoArticles } from './seed-demo-content.ts';
import {
  readDemoStudentNames,
  seedDemoStudents,
  DEMO_STUDENT_PASSWORD,
  MAX_DEMO_STUDENTS,
} from './seed-demo-students.ts';
import { readDemoSheets, seedDemoMatrix } from './seed-demo-matrix.ts';
import { readDemoTracks, seedDemoTrack } from './seed-demo.ts';
import { withContainer } from './with-container.ts';

/**
 * `baza seed demo`: two complete demo tracks (hip-hop in Russian, backend in English), published,
 * with their question banks, study articles with mini-tests, blog posts and a competency matrix
 * per track — acting as the given admin or, by default, the owner. With `--students N`, also N
 * demo students spread over the learning journey, decided by the owner. Idempotent.
 */
export async function seedDemoCommand(
  config: Config,
  logger: Logger,
  options: { as?: string | undefined; students?: string | undefined },
): Promise<void> {
  const students = studentCount(options.students);
  await withContainer(config, logger, 'en', async (container) => {
    const operator = await container.modules.identity.useCases.findOperator({ email: options.as });
    const directory = dataFile('demo');
    for (const demo of readDemoTracks(directory)) {
      await seedDemoTrack(
        {
          catalog: container.modules.catalog.useCases,
          questions: container.modules.questions.useCases,
          actor: { id: operator.id, role: operator.role },
          trackBySlug: (slug) => container.modules.catalog.trackDirectory.outline(slug),
          now: () => new Date(),
          say: (line) => process.stdout.write(`${line}\n`),
        },
        demo,
        directory,
      );
    }
    const contentDeps = {
      content: container.modules.content.useCases,
      catalog: container.modules.catalog.useCases,
      actor: { id: operator.id, role: operator.role },
      trackBySlug: (slug: string) => container.modules.catalog.trackDirectory.outline(slug),
      now: () => new Date(),
      say: (line: string) => process.stdout.write(`${line}\n`),
    };
    await seedDemoArticles(contentDeps, readDemoArticles(directory, 'articles.json'), 'articles');
    await seedDemoArticles(contentDeps, readDemoArticles(directory, 'blog.json'), 'blog');
    await seedDemoMatrix(
      { matrix: container.modules.matrix.useCases, actor: contentDeps.actor, say: contentDeps.say },
      readDemoSheets(directory),
      directory,
    );
    if (students > 0) {
      const owner = await container.modules.identity.useCases.findOperator({});
      process.stderr.write(`demo students sign in with the password ${DEMO_STUDENT_PASSWORD}\n`);
      await seedDemoStudents(
        {
          identity: container.modules.identity.useCases,
          progress: container.modules.progress.useCases,
          assessment: container.modules.assessment.useCases,
          approvals: container.modules.approvals.useCases,
          db: container.db,
          decider: { id: owner.id, role: owner.role },
          tracks: readDemoTracks(directory).map((track) => track.slug),
          names: readDemoStudentNames(directory),
          now: () => new Date(),
          say: (line) => process.stderr.write(`${line}\n`),
        },
        students,
      );
    }
    process.stdout.write(`demo data is in place; see ${config.baseUrl}/tracks\n`);
  });
}

/** `--students N`: a whole number from 0 (the default: no students) to MAX_DEMO_STUDENTS. */
function studentCount(option: string | undefined): number {
  if (option === undefined) return 0;
  const count = Number(option);
  if (!/^\d+$/.test(option.trim()) || count > MAX_DEMO_STUDENTS)
    throw new Error(`--students must be a whole number from 0 to ${MAX_DEMO_STUDENTS} (got "${option}")`);
  return count;
}
