import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { STRONG_PASSWORD } from '../support/identity.ts';
import { staffUsers } from '../support/staff.ts';
import { PageBrowser } from '../identity/page-browser.ts';

export type SeededTrack = {
  id: string;
  slug: string;
  title: string;
  stages: { id: string; position: number; title: string }[];
  modules: { id: string; slug: string; title: string }[];
};

/** A track with stages and modules, written straight into the catalog's tables. */
export async function seedTrack(
  test: TestApp,
  slug: string,
  shape: { stages: string[]; modules: string[] },
): Promise<SeededTrack> {
  const now = new Date();
  const id = randomUUID();
  const title = `Track ${slug}`;
  await test.container.db.insertInto('tracks').values({ id, slug, title, createdAt: now, updatedAt: now }).execute();
  const stages = shape.stages.map((stageTitle, index) => ({
    id: randomUUID(),
    position: index + 1,
    title: stageTitle,
  }));
  const modules = shape.modules.map((moduleTitle, index) => ({
    id: randomUUID(),
    slug: moduleTitle.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    title: moduleTitle,
    position: index + 1,
  }));
  if (stages.length > 0) {
    await test.container.db
      .insertInto('stages')
      .values(stages.map((stage) => ({ ...stage, trackId: id, createdAt: now, updatedAt: now })))
      .execute();
  }
  if (modules.length > 0) {
    await test.container.db
      .insertInto('modules')
      .values(modules.map((module) => ({ ...module, trackId: id, createdAt: now, updatedAt: now })))
      .execute();
  }
  return { id, slug, title, stages, modules };
}

/** The users of `staffUsers` with English saved as their language, signed in as page browsers. */
export async function staffBrowsers(test: TestApp) {
  const staff = await staffUsers(test);
  for (const user of Object.values(staff)) {
    const response = await test.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: user.auth,
      payload: { locale: 'en' },
    });
    expect(response.statusCode, response.body).toBe(200);
  }
  const browser = (email: string) => PageBrowser.signIn(test.app, email, { password: STRONG_PASSWORD });
  return {
    staff,
    owner: await browser('owner@school.test'),
    admin: await browser('admin@school.test'),
    moderator: await browser('moderator@school.test'),
    student: await browser('student@school.test'),
  };
}

/** The question form's fields as a browser posts them (`rows` option rows). */
export function questionForm(fields: {
  trackId?: string;
  moduleId: string;
  stageId?: string;
  kind?: 'single' | 'multiple';
  name?: string;
  text: string;
  options: string[];
  correct: number[];
  explanation?: string;
  action?: string;
}): Record<string, string> {
  const form: Record<string, string> = {
    ...(fields.trackId ? { trackId: fields.trackId } : {}),
    moduleId: fields.moduleId,
    stageId: fields.stageId ?? '',
    kind: fields.kind ?? 'single',
    name: fields.name ?? '',
    text: fields.text,
    explanation: fields.explanation ?? '',
    rows: String(fields.options.length),
    action: fields.action ?? 'save',
  };
  fields.options.forEach((option, index) => {
    form[`option${index}`] = option;
    if (fields.correct.includes(index)) form[`correct${index}`] = 'on';
  });
  return form;
}

/** The question id a page redirected to (`/admin/questions/<id>`). */
export function questionIdOf(location: unknown): string {
  const id = /^\/admin\/questions\/([\da-f-]{36})$/.exec(String(location))?.[1];
  expect(id, String(location)).toBeDefined();
  return id!;
}

/** Every element id on the page once, and every `aria-describedby`/`for`/`href="#…"` pointing at one. */
export function expectWellLinked(html: string): void {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
  expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  const references = [
    ...[...html.matchAll(/aria-describedby="([^"]+)"/g)].flatMap((match) => match[1]!.split(' ')),
    ...[...html.matchAll(/\sfor="([^"]+)"/g)].map((match) => match[1]!),
    ...[...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]!),
  ];
  expect(references.filter((id) => !ids.includes(id))).toEqual([]);
}
