import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** A signed-in user: the bearer header for the JSON API, the session cookies for pages. */
export type Actor = { email: string; headers: { authorization: string; cookie: string } };

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<Actor> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  expectStatus(response, `sign in as ${email}`, 200);
  const body = response.json<{ accessToken?: string }>();
  if (!body.accessToken) throw new Error(`sign in as ${email}: no access token (MFA on?)`);
  return { email, headers: { authorization: `Bearer ${body.accessToken}`, cookie: cookiesOf(response) } };
}

export function expectStatus(response: LightMyRequestResponse, what: string, ...expected: number[]): void {
  if (expected.includes(response.statusCode)) return;
  throw new Error(
    `${what}: expected HTTP ${expected.join(' or ')}, got ${response.statusCode}: ${response.body.slice(0, 300)}`,
  );
}

function cookiesOf(response: LightMyRequestResponse): string {
  return response.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}
