import type { FastifyInstance } from 'fastify';
import type { IdentityPagesDeps } from './index.ts';

export async function authPages(_app: FastifyInstance, _deps: IdentityPagesDeps): Promise<void> {}
