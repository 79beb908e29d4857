import type { ImportSheetCsvResult } from '../../application/contract.ts';

/** A refusal the page shows above its forms. */
export type PageProblem = { message: string; status: number };
/** The import's report as the sheet page shows it (localized reasons). */
export type ImportReportView = ImportSheetCsvResult & { dryRun: boolean; messages: string[] };
