import type { FieldIssue } from '../../../shared/domain/errors.ts';
import { InvalidMatrixInputError, MatrixForbiddenError } from './errors.ts';

export type MatrixRole = 'student' | 'moderator' | 'admin' | 'owner';
export type MatrixActor = Readonly<{ id: string; role: MatrixRole }>;
export type MatrixItemStatus = 'draft' | 'published';
export const ITEM_STATUSES: readonly MatrixItemStatus[] = ['draft', 'published'];
export type MatrixResource = Readonly<{ title: string; url: string }>;

export function isStaff(actor: MatrixActor | null | undefined): boolean {
  return actor !== null && actor !== undefined && ['moderator', 'admin', 'owner'].includes(actor.role);
}

export function assertCanManageMatrix(actor: MatrixActor): void {
  if (!isStaff(actor)) throw new MatrixForbiddenError();
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_RESOURCES = 50;

export class IssueCollector {
  readonly issues: FieldIssue[] = [];
  add(path: string, code: string, params?: Readonly<Record<string, string | number>>): void {
    this.issues.push(params ? { path, code, params } : { path, code });
  }
  throwIfAny(): void {
    if (this.issues.length > 0) throw new InvalidMatrixInputError(this.issues);
  }
}

export function checkSlug(issues: IssueCollector, path: string, value: string): string {
  const slug = value.trim();
  if (slug.length === 0) issues.add(path, 'required');
  else if (slug.length > 80) issues.add(path, 'too_long', { max: 80 });
  else if (!SLUG.test(slug)) issues.add(path, 'slug_format');
  return slug;
}

export function checkText(issues: IssueCollector, path: string, value: string, max: number, required = true): string {
  const text = value.trim();
  if (text.includes('\u0000')) issues.add(path, 'invalid');
  else if (required && text.length === 0) issues.add(path, 'required');
  else if (text.length > max) issues.add(path, 'too_long', { max });
  return text;
}

/** http(s) URLs only, absolute, with a host. */
export function isSafeUrl(value: string): boolean {
  if (value.length > 2000 || value.includes('\u0000')) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export function checkResources(
  issues: IssueCollector,
  path: string,
  resources: readonly MatrixResource[],
): MatrixResource[] {
  if (resources.length > MAX_RESOURCES) issues.add(path, 'too_many', { max: MAX_RESOURCES });
  return resources.map((resource, index) => {
    const title = checkText(issues, `${path}/${index}/title`, resource.title, 200);
    const url = resource.url.trim();
    if (!isSafeUrl(url)) issues.add(`${path}/${index}/url`, 'url_scheme');
    return { title, url };
  });
}

/** `Title | https://url` per line (the textarea and the CSV cell); blank lines skipped. */
export function parseResourceLines(text: string): { resources: MatrixResource[]; badLines: number[] } {
  const resources: MatrixResource[] = [];
  const badLines: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const bar = line.lastIndexOf('|');
    if (bar < 0) {
      const url = line.trim();
      if (isSafeUrl(url)) resources.push({ title: url, url });
      else badLines.push(index + 1);
      return;
    }
    const title = line.slice(0, bar).trim();
    const url = line.slice(bar + 1).trim();
    if (title === '' || !isSafeUrl(url)) badLines.push(index + 1);
    else resources.push({ title, url });
  });
  return { resources, badLines };
}

export function formatResourceLines(resources: readonly MatrixResource[]): string {
  return resources.map((resource) => `${resource.title} | ${resource.url}`).join('\n');
}

/** Moves an element of an ordered list to `target` (1-based, clamped); returns the new order. */
export function moveTo<T>(ordered: readonly T[], from: number, target: number): T[] {
  const list = [...ordered];
  const [moved] = list.splice(from, 1);
  if (moved === undefined) return list;
  const index = Math.min(Math.max(target, 1), list.length + 1) - 1;
  list.splice(index, 0, moved);
  return list;
}
