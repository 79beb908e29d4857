import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.ts';
import {
  decodeUtf8,
  formatOfFileName,
  type ImportFormat,
  type ImportReport,
  QUESTION_FILE_FORMATS,
  type QuestionActor,
  type QuestionsUseCases,
  rejectionMessage,
  type TrackDirectory,
} from '../modules/questions/index.ts';
import { translator } from '../shared/http/i18n/index.ts';
import type { Logger } from '../shared/infrastructure/logging.ts';
import { progressReporter } from './progress-bar.ts';
import { withContainer } from './with-container.ts';

export type ImportCommandOptions = {
  track: string;
  module?: string | undefined;
  stage?: string | undefined;
  format?: string | undefined;
  dryRun?: boolean | undefined;
  partial?: boolean | undefined;
  as?: string | undefined;
};

const t = translator('en');

/** `baza questions import <file>`: the exit code is 1 when nothing was (or would be) stored. */
export async function importQuestionsCommand(
  config: Config,
  logger: Logger,
  file: string,
  options: ImportCommandOptions,
): Promise<number> {
  const format = options.format ?? formatOfFileName(file);
  if (format === undefined || !(QUESTION_FILE_FORMATS as readonly string[]).includes(format)) {
    throw new Error(
      options.format
        ? `unknown format "${options.format}": use gift, aiken or csv`
        : `cannot tell the format of ${file} from its extension: pass --format gift|aiken|csv`,
    );
  }
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) =>
    fail(`cannot read ${file}: ${error.code ?? error.message}`),
  );
  const content = decodeUtf8(bytes);
  if (content === undefined) throw new Error(`${file} is not UTF-8 text: save it as UTF-8`);

  const report = await withQuestions(config, logger, async ({ useCases, tracks, actorFor }) => {
    const track = await tracks.outline(options.track);
    if (!track) throw new Error(`there is no track "${options.track}"`);
    const module =
      options.module === undefined
        ? undefined
        : track.modules.find((m) => m.id === options.module || m.slug === options.module);
    if (options.module !== undefined && !module)
      throw new Error(`the track ${track.slug} has no module "${options.module}"`);
    const stage =
      options.stage === undefined ? undefined : track.stages.find((s) => String(s.position) === options.stage);
    if (options.stage !== undefined && !stage) throw new Error(`the track ${track.slug} has no stage ${options.stage}`);
    return useCases.importQuestions({
      actor: await actorFor(options.as),
      trackId: track.id,
      moduleId: module?.id,
      stageId: stage?.id,
      format: format as ImportFormat,
      content,
      fileName: path.basename(file),
      dryRun: options.dryRun ?? false,
      partial: options.partial ?? false,
      origin: null,
      now: new Date(),
      onProgress: progressReporter({ doing: 'storing', done: 'stored' }),
    });
  });
  process.stdout.write(summaryOf(path.basename(file), report));
  return report.stored || (report.dryRun && report.imported > 0 && report.rejected.length === 0) ? 0 : 1;
}

/** `baza questions export`: the track's active questions as GIFT, to stdout or `--out`. */
export async function exportQuestionsCommand(
  config: Config,
  logger: Logger,
  options: { track: string; out?: string | undefined; as?: string | undefined },
): Promise<void> {
  const file = await withQuestions(config, logger, async ({ useCases, tracks, actorFor }) => {
    const track = await tracks.outline(options.track);
    if (!track) throw new Error(`there is no track "${options.track}"`);
    return useCases.exportGift({ actor: await actorFor(options.as), trackId: track.id });
  });
  if (options.out === undefined) {
    process.stdout.write(file.content);
    return;
  }
  await writeFile(options.out, file.content, 'utf8');
  process.stderr.write(`wrote ${options.out} (${Buffer.byteLength(file.content)} bytes)\n`);
}

function summaryOf(fileName: string, report: ImportReport): string {
  const lines = report.rejected.map(
    ({ line, reason }) => `  line ${line}: ${rejectionMessage(t, reason)} [${reason.code}]`,
  );
  const rejected = new Set(report.rejected.map((rejection) => rejection.line)).size;
  const head = report.dryRun
    ? `${fileName}: dry run, nothing stored; ${report.imported} question(s) would be imported, ${rejected} line(s) rejected`
    : report.stored
      ? `${fileName}: imported ${report.imported} question(s), ${rejected} line(s) rejected`
      : `${fileName}: nothing imported, ${rejected} line(s) rejected` +
        (report.questions.length === 0 && rejected > 0 ? ' (fix them, or pass --partial to import the rest)' : '');
  return [head, ...lines].join('\n') + '\n';
}

type QuestionsContext = {
  useCases: QuestionsUseCases;
  tracks: TrackDirectory;
  /** The staff member acting: `--as <email>`, else the owner. */
  actorFor: (email: string | undefined) => Promise<QuestionActor>;
};

function withQuestions<T>(config: Config, logger: Logger, work: (context: QuestionsContext) => Promise<T>): Promise<T> {
  return withContainer(config, logger, 'en', (container) =>
    work({
      useCases: container.modules.questions.useCases,
      tracks: container.modules.catalog.trackDirectory,
      actorFor: async (email) => {
        const operator = await container.modules.identity.useCases.findOperator({ email });
        return { id: operator.id, role: operator.role };
      },
    }),
  );
}

function fail(message: string): never {
  throw new Error(message);
}
