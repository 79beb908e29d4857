import type { Clock } from '../../../shared/application/clock.ts';
import type { QuestionsUseCases } from '../application/contract.ts';

export type QuestionsRouteDeps = { useCases: QuestionsUseCases; clock: Clock };
