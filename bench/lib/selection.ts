import { SCENARIO_NAMES, type ScenarioName } from './args.ts';

/** The scenarios to run: all, or the chosen ones plus what they need (answers and finishes need started exams). */
export function selectedScenarios(only: readonly ScenarioName[] | undefined): Set<ScenarioName> {
  if (!only) return new Set(SCENARIO_NAMES);
  const selected = new Set(only);
  if (selected.has('exam-answer') || selected.has('exam-finish')) selected.add('exam-start');
  if (selected.has('control')) {
    selected.add('articles-api');
    selected.add('articles-api-uncached');
  }
  return selected;
}
