import type { FastifyInstance } from 'fastify';
import { CertificatePage } from '../views/certificate-page.tsx';
import type { LearningPagesDeps } from './deps.ts';
import { CertificateNotFoundError, CODE_PARAMS } from './support.ts';

/** The public verification page of a certificate (anyone with the code may check it). */
export async function certificatePages(app: FastifyInstance, deps: LearningPagesDeps): Promise<void> {
  const { renderer, progress } = deps;
  app.get('/certificates/:code', { schema: { params: CODE_PARAMS } }, async (request, reply) => {
    const { code } = request.params as { code: string };
    const certificate = await progress.certificate(code);
    if (!certificate) throw new CertificateNotFoundError();
    return renderer.page(reply, <CertificatePage ctx={renderer.context(request, reply)} certificate={certificate} />);
  });
}
