/**
 * Which captured statements are worth a plan. Transaction control, session settings and lock
 * calls have no plan to judge; they are skipped by these rules, never by hand.
 */
export type StatementKind = 'machinery' | 'read' | 'write';

const MACHINERY_KEYWORDS = new Set([
  'begin',
  'start',
  'commit',
  'end',
  'rollback',
  'abort',
  'savepoint',
  'release',
  'set',
  'reset',
  'show',
  'lock',
  'listen',
  'unlisten',
  'notify',
  'discard',
  'deallocate',
]);

/** `SELECT pg_advisory_xact_lock(…)`, `SELECT set_config(…)`: one function call, no table. */
const LOCK_OR_SETTING_CALL =
  /^select\s+(pg_(try_)?advisory_(xact_)?(lock|unlock)(_shared|_all)?|set_config|pg_notify)\s*\((?![\s\S]*\bfrom\b)/i;

const WRITE = /\b(insert\s+into|update\s+("?\w+"?\.)?"?\w+"?\s+set|delete\s+from|merge\s+into)\b/i;

export function statementKind(sql: string): StatementKind {
  const text = withoutLeadingComments(sql).trim();
  const keyword = /^[a-z]+/i.exec(text)?.[0]?.toLowerCase() ?? '';
  if (MACHINERY_KEYWORDS.has(keyword)) return 'machinery';
  if (LOCK_OR_SETTING_CALL.test(text)) return 'machinery';
  if (WRITE.test(text) || /\bfor\s+(no\s+key\s+)?update\b/i.test(text)) return 'write';
  return 'read';
}

function withoutLeadingComments(sql: string): string {
  return sql.replace(/^(\s*(--[^\n]*\n|\/\*[\s\S]*?\*\/))*/, '');
}

/** BEGIN / START TRANSACTION open a transaction block; COMMIT / END / ROLLBACK (not TO) close it. */
export function transactionEffect(sql: string): 'opens' | 'closes' | 'none' {
  const text = withoutLeadingComments(sql).trim().toLowerCase();
  if (/^(begin|start\s+transaction)\b/.test(text)) return 'opens';
  if (/^rollback\s+(work\s+|transaction\s+)?to\b/.test(text)) return 'none';
  if (/^(commit|end|rollback|abort)\b/.test(text)) return 'closes';
  return 'none';
}
