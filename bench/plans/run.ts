import { installStatementCapture } from './capture.ts';
import { evaluateOperation, type OperationResult } from './evaluate.ts';
import { levelExamStage } from './examinee.ts';
import { discoverFacts } from './facts.ts';
import { signIn } from './http.ts';
import type { Operation, OperationContext } from './operations.ts';
import { buildPlansApp } from './plans-app.ts';
import type { PlansReport } from './report.ts';
import type { Roster } from './roster.ts';
import type { Rules } from './rules.ts';
import { readTableSizes } from './table-sizes.ts';

/**
 * Builds the app on the database, signs the roster in, finds the ids the operations need, then
 * runs each operation with its statements captured and explained, and judges them.
 */
export async function runPlansCheck(options: {
  connectionString: string;
  roster: Roster;
  students: number;
  operations: readonly Operation[];
  rules: Rules;
  log?: (line: string) => void;
}): Promise<PlansReport> {
  const { roster, rules } = options;
  const sizes = await readTableSizes(options.connectionString, {
    largeTableRows: rules.largeTableRows,
    log: options.log,
  });
  const plansApp = await buildPlansApp(options.connectionString);
  const capture = installStatementCapture();
  try {
    const { app } = plansApp;
    const staff = await signIn(app, roster.staff, roster.password);
    const student = await signIn(app, roster.student.email, roster.password);
    const examinee = await signIn(app, roster.examinee.email, roster.password);
    const stagePosition = await levelExamStage(app, examinee, roster.examinee.trackSlug);
    const context: OperationContext = {
      app,
      facts: await discoverFacts(app, staff, roster.student.trackSlug),
      staff,
      student: { ...student, trackSlug: roster.student.trackSlug },
      examinee: { ...examinee, trackSlug: roster.examinee.trackSlug, stagePosition },
      password: roster.password,
    };
    const results: OperationResult[] = [];
    for (const operation of options.operations) {
      let error: string | undefined;
      await plansApp.dropPublicCache();
      const statements = await capture.during(operation.name, async () => {
        try {
          await operation.run(context);
        } catch (caught) {
          error = caught instanceof Error ? caught.message : String(caught);
        }
      });
      const result = evaluateOperation(
        operation.name,
        statements,
        rules,
        (relation) => sizes.rows.get(relation),
        error,
      );
      results.push(result);
      options.log?.(`${result.passed ? '✓' : '✗'} ${operation.name} (${result.statements.length} statements)`);
    }
    return {
      generatedAt: new Date().toISOString(),
      students: options.students,
      postgres: sizes.version,
      rules,
      tables: Object.fromEntries(sizes.rows),
      passed: results.every((result) => result.passed),
      operations: results,
    };
  } finally {
    capture.uninstall();
    await plansApp.close();
  }
}
