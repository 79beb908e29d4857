/**
 * What the catalog needs to know about the question bank (implemented by the questions module,
 * wired in the composition root): the pool exams draw from, and what still uses a stage,
 * module or track so that it cannot be deleted.
 */
export type QuestionBankFacts = {
  /** Active exam questions of a track: their module and stage tier (null = any stage). */
  activePool(trackId: string): Promise<readonly { moduleId: string; stageId: string | null }[]>;
  /** Questions of any status (retired ones included: attempts may point at them) that use it. */
  countUsing(target: { trackId: string } | { moduleId: string } | { stageId: string }): Promise<number>;
};
