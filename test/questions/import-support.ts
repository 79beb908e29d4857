import type { TestApp } from '../support/app.ts';
import type { LoggedIn } from '../support/identity.ts';
import { fieldParts, multipartOf } from '../support/multipart.ts';

/** POST /admin/questions/import with a real multipart body. */
export function importFile(
  test: TestApp,
  actor: LoggedIn | undefined,
  fields: Record<string, string>,
  file: { content: string | Buffer; fileName?: string } | undefined,
) {
  const body = multipartOf([
    ...fieldParts(fields),
    ...(file ? [{ name: 'file', fileName: file.fileName ?? 'questions.txt', content: file.content }] : []),
  ]);
  return test.app.inject({
    method: 'POST',
    url: '/api/v1/admin/questions/import',
    headers: { 'content-type': body.contentType, 'accept-language': 'en', ...(actor ? actor.auth : {}) },
    payload: body.payload,
  });
}

/** The questions of a track as the API lists them (up to 100), oldest first. */
export async function bankOf(test: TestApp, actor: LoggedIn, trackId: string) {
  const response = await test.app.inject({
    method: 'GET',
    url: `/api/v1/admin/questions?trackId=${trackId}&limit=100`,
    headers: actor.auth,
  });
  return (response.json().items as Record<string, unknown>[]).reverse();
}
