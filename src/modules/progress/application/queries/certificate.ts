import type { ProgressUseCases } from '../contract.ts';
import type { ProgressDeps } from '../ports.ts';

/** Public verification of a certificate by its code. */
export function certificate(deps: ProgressDeps): ProgressUseCases['certificate'] {
  return (code: string) => deps.reads.certificate(code);
}
