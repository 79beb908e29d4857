import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTotp } from '../../src/modules/identity/infrastructure/totp.ts';
import { createTestApp, TEST_SECRET, type TestApp } from '../support/app.ts';
import { registeredUser, STRONG_PASSWORD } from '../support/identity.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test?.close());

function resetMfa(email: string) {
  return spawnSync(process.execPath, ['bin/baza.js', 'user', 'reset-mfa', '--email', email], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: test.database.url,
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'baza-cli-')),
      JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: 'silent',
    },
  });
}

it('baza user reset-mfa lets someone who lost their device and codes sign in with the password again', async () => {
  const session = await registeredUser(test, 'lost-phone@school.test');
  const enrolled = await test.app.inject({
    method: 'POST',
    url: '/api/v1/me/mfa/totp',
    headers: session.auth,
    payload: { password: STRONG_PASSWORD },
  });
  const code = createTotp({ issuer: 'Baza' }).codeAt(enrolled.json().secret, new Date());
  await test.app.inject({
    method: 'POST',
    url: '/api/v1/me/mfa/totp/confirm',
    headers: session.auth,
    payload: { code },
  });
  const login = () =>
    test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'lost-phone@school.test', password: STRONG_PASSWORD },
    });
  expect((await login()).json()).toMatchObject({ mfaRequired: true });

  const run = resetMfa('Lost-Phone@school.test');
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('two-factor sign-in is off for Lost-Phone@school.test');
  expect((await login()).json()).toHaveProperty('accessToken');
  expect((await test.app.inject({ url: '/api/v1/me', headers: session.auth })).statusCode).toBe(401);

  const again = resetMfa('lost-phone@school.test');
  expect(again.status).toBe(1);
  expect(again.stderr).toContain('Two-factor authentication is off.');
  expect(resetMfa('nobody@school.test').stderr).toContain('No such user.');
});
