import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type Staff, staffUsers } from '../support/staff.ts';

type DemoSheet = {
  slug: string;
  title: string;
  description: string;
  grades: { slug: string; title: string }[];
  csv: string;
};
const sheets = JSON.parse(readFileSync('data/demo/matrix.json', 'utf8')) as DemoSheet[];

let test: TestApp;
let staff: Staff;
beforeAll(async () => {
  test = await createTestApp();
  staff = await staffUsers(test);
});
afterAll(async () => {
  await test.close();
});

describe('the demo CSV files', () => {
  it('parse with every line accepted except links to catalog modules that do not exist here', async () => {
    const actor = { id: staff.admin.userId, role: 'admin' as const };
    const matrix = test.container.modules.matrix.useCases;
    for (const demo of sheets) {
      const { id } = await matrix.createSheet({
        actor,
        slug: demo.slug,
        title: demo.title,
        description: demo.description,
      });
      for (const grade of demo.grades) await matrix.addGrade({ actor, sheetId: id, ...grade });
      const csv = readFileSync(`data/demo/${demo.csv}`, 'utf8');
      const report = await matrix.importSheetCsv({ actor, sheetId: id, csv, dryRun: true });
      // Without the demo catalog, only module links may be refused.
      expect(report.rejected.filter((r) => r.code !== 'csv_unknown_module')).toEqual([]);
      expect(report.accepted + report.rejected.length).toBeGreaterThan(10);
    }
  });
});
