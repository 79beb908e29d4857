import { decide } from './commands/decide.ts';
import type { ApprovalsUseCases } from './contract.ts';
import type { ApprovalsDeps } from './ports.ts';
import { dossier } from './queries/dossier.ts';
import { getMine, list, listMine } from './queries/read-requests.ts';

export function createApprovalsUseCases(deps: ApprovalsDeps): ApprovalsUseCases {
  return {
    listMine: (actor) => listMine(deps, actor),
    getMine: (actor, requestId) => getMine(deps, actor, requestId),
    list: (actor, filter) => list(deps, actor, filter),
    dossier: (actor, requestId) => dossier(deps, actor, requestId),
    approve: (actor, requestId, comment, origin) =>
      decide(deps, { actor, requestId, verdict: 'approved', comment, origin }),
    reject: (actor, requestId, comment, origin) =>
      decide(deps, { actor, requestId, verdict: 'rejected', comment, origin }),
  };
}
