import type { RejectReason } from '../domain/formats/parsed-question.ts';
import { isMessageKey, type Translate } from '../../../shared/http/i18n/index.ts';

/**
 * The localized reason of a rejected import line: `questions.import.<code>.<problem>` when the
 * reason names a problem (weights), else `questions.import.<code>`, else the code itself.
 */
export function rejectionMessage(t: Translate, reason: RejectReason): string {
  // A reason's variant (which weight problem, which unsupported type) may have a message of its own.
  const problem = reason.params?.problem ?? reason.params?.type;
  const keys = [
    ...(problem === undefined ? [] : [`questions.import.${reason.code}.${problem}`]),
    `questions.import.${reason.code}`,
  ];
  const key = keys.find(isMessageKey);
  return key ? t(key, reason.params) : reason.code;
}
