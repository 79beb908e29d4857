import type { Config } from '../config.ts';
import { dataFile } from '../shared/infrastructure/data-files.ts';
import type { Logger } from '../shared/infrastructure/logging.ts';
import { readDemoArticles, seedDemoArticles } from './seed-demo-content.ts';
import { readDemoSheets, seedDemoMatrix } from './seed-demo-matrix.ts';
import { readDemoTracks, seedDemoTrack } from './seed-demo.ts';
import { withContainer } from './with-container.ts';

/**
 * `baza seed demo`: two complete demo tracks (hip-hop in Russian, backend in English), published,
 * with their question banks, study articles with mini-tests, blog posts and a competency matrix
 * per track — acting as the given admin or, by default, the owner. Idempotent.
 */
export async function seedDemoCommand(
  config: Config,
  logger: Logger,
  options: { as?: string | undefined },
): Promise<void> {
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
    process.stdout.write(`demo data is in place; see ${config.baseUrl}/tracks\n`);
  });
}
