import { giftTextValue, maskEscapes } from './gift-syntax.ts';
import type { QuestionKind, RejectReason } from './parsed-question.ts';

export type GiftAnswers = Readonly<{
  kind: QuestionKind;
  options: readonly string[];
  correct: readonly number[];
  optionFeedback: readonly (string | undefined)[];
}>;

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;

/** English option texts of a true/false question; the import screen is per track, so one language is fine. */
export const TRUE_FALSE_OPTIONS = ['True', 'False'] as const;

/**
 * Reads one GIFT answer block (the text between `{` and `}`, general feedback `####…` already
 * cut off) the way Moodle decides its question type, and keeps only what the bank can hold:
 * multiple choice (single or multiple response) and true/false.
 *
 * - `~` anywhere → multiple choice. With at least one `=` it is single choice: `=` answers are
 *   right, `~` answers wrong, `~%100%` right too, `~%-n%` wrong (the penalty is dropped); partial
 *   credit `~%n%` with 0 < n < 100 is refused (`invalid_weight`, problem `partial_credit`), and
 *   so are several right answers (`several_correct_in_single`: Moodle would accept any one of
 *   them, which the bank cannot express). Without `=` it is multiple response: answers with a
 *   positive weight are right, and the positive weights must add up to 100 (as Moodle demands,
 *   to two decimals).
 * - `=` answers take no weight: as in Moodle, `=%50%x` is the text `%50%x`.
 * - Text before the first `~`/`=` is a wrong answer, as Moodle reads it.
 * - `T`, `TRUE`, `F`, `FALSE` (upper case, as Moodle compares them), optionally `#wrong
 *   feedback#right feedback` → a single choice between the options "True" and "False".
 * - Anything else is refused as `unsupported_type`: essay `{}`, numerical `{#…}`, matching
 *   (`=` with `->` and no `~`), short answer (`=` answers only, or a bare answer), cloze
 *   (`{1:MULTICHOICE:…}`).
 * - Then, in this order: `invalid_weight` (problem `malformed` such as `%50,5%`, or
 *   `out_of_range` past ±100), `empty_option` (its 1-based `option`), `too_few_options` /
 *   `too_many_options` (`count`; 2 to 10 are allowed), and the rules on right answers above
 *   (`no_correct_option` when a multiple response has no positive weight).
 */
export function readAnswerBlock(raw: string): GiftAnswers | RejectReason {
  const text = raw.trim();
  const mask = maskEscapes(text);
  if (/^\d*:[A-Za-z_]+:/.test(mask)) return unsupported('cloze');
  if (mask === '') return unsupported('essay');
  if (mask.startsWith('#')) return unsupported('numerical');
  if (mask.includes('~')) return readChoices(text, mask);
  if (mask.includes('=') && mask.includes('->')) return unsupported('matching');
  return readTrueFalse(text, mask) ?? unsupported('short_answer');
}

export function isRejectReason(value: object): value is RejectReason {
  return 'code' in value;
}

function unsupported(type: string): RejectReason {
  return { code: 'unsupported_type', params: { type } };
}

type Choice = { marker: '=' | '~'; weight?: string; text: string; feedback: string | undefined };

function readChoices(text: string, mask: string): GiftAnswers | RejectReason {
  const choices: Choice[] = [];
  for (const { marker, body } of splitChoices(text, mask)) {
    const choice = readChoice(marker, body);
    if (isRejectReason(choice)) return choice;
    choices.push(choice);
  }
  const empty = choices.findIndex((choice) => choice.text === '');
  if (empty >= 0) return { code: 'empty_option', params: { option: empty + 1 } };
  if (choices.length < MIN_OPTIONS) return { code: 'too_few_options', params: { count: choices.length } };
  if (choices.length > MAX_OPTIONS) return { code: 'too_many_options', params: { count: choices.length } };
  return choices.some((choice) => choice.marker === '=') ? singleChoice(choices) : multipleChoice(choices);
}

function splitChoices(text: string, mask: string): { marker: '=' | '~'; body: string }[] {
  const starts = [...mask.matchAll(/[~=]/g)].map((match) => match.index);
  const first = starts[0] ?? text.length;
  const lead = text.slice(0, first);
  const pieces: { marker: '=' | '~'; body: string }[] = lead.trim() === '' ? [] : [{ marker: '~', body: lead }];
  starts.forEach((start, n) => {
    pieces.push({ marker: mask[start] === '=' ? '=' : '~', body: text.slice(start + 1, starts[n + 1]) });
  });
  return pieces;
}

const WEIGHT = /^-?\d+(?:\.\d+)?$/;
const WEIGHT_LIKE = /^[\s\d.,+-]*$/;

function readChoice(marker: '=' | '~', body: string): Choice | RejectReason {
  let rest = body.trim();
  let weight: string | undefined;
  const end = rest.startsWith('%') ? rest.indexOf('%', 1) : -1;
  if (marker === '~' && end > 0) {
    const written = rest.slice(1, end);
    if (WEIGHT.test(written)) {
      if (Math.abs(Number(written)) > 100) return invalidWeight('out_of_range', written);
      weight = written;
      rest = rest.slice(end + 1);
    } else if (WEIGHT_LIKE.test(written)) {
      return invalidWeight('malformed', written);
    } // else it is no weight but text that starts with `%`, such as `%d and %s`
  }
  const hash = maskEscapes(rest).indexOf('#');
  const feedback = hash < 0 ? '' : giftTextValue(rest.slice(hash + 1));
  const text = giftTextValue(hash < 0 ? rest : rest.slice(0, hash));
  return { marker, ...(weight === undefined ? {} : { weight }), text, feedback: feedback || undefined };
}

function invalidWeight(problem: string, value: string): RejectReason {
  return { code: 'invalid_weight', params: { problem, value } };
}

function singleChoice(choices: readonly Choice[]): GiftAnswers | RejectReason {
  const partial = choices.find(({ weight }) => weight !== undefined && Number(weight) > 0 && Number(weight) < 100);
  if (partial?.weight !== undefined) return invalidWeight('partial_credit', partial.weight);
  const correct = indexesWhere(choices, (choice) => choice.marker === '=' || Number(choice.weight) === 100);
  if (correct.length > 1) return { code: 'several_correct_in_single', params: { count: correct.length } };
  return answers('single', choices, correct);
}

function multipleChoice(choices: readonly Choice[]): GiftAnswers | RejectReason {
  const weights = choices.map(({ weight }) => Number(weight ?? 0));
  const correct = indexesWhere(choices, (_choice, n) => (weights[n] ?? 0) > 0);
  if (correct.length === 0) return { code: 'no_correct_option' };
  const sum = correct.reduce((total, n) => total + (weights[n] ?? 0), 0);
  if (Math.abs(sum - 100) >= 0.005) return invalidWeight('sum_not_100', String(Number(sum.toFixed(5))));
  return answers('multiple', choices, correct);
}

function indexesWhere(choices: readonly Choice[], test: (choice: Choice, n: number) => boolean): number[] {
  return choices.flatMap((choice, n) => (test(choice, n) ? [n] : []));
}

function answers(kind: QuestionKind, choices: readonly Choice[], correct: readonly number[]): GiftAnswers {
  return {
    kind,
    options: choices.map((choice) => choice.text),
    correct,
    optionFeedback: choices.map((choice) => choice.feedback),
  };
}

const TRUE_WORDS = new Set(['T', 'TRUE']);
const FALSE_WORDS = new Set(['F', 'FALSE']);

/** `T#shown when wrong#shown when right`: Moodle's order of the two feedbacks. */
function readTrueFalse(text: string, mask: string): GiftAnswers | undefined {
  const first = mask.indexOf('#');
  const second = first < 0 ? -1 : mask.indexOf('#', first + 1);
  const word = (first < 0 ? text : text.slice(0, first)).trim();
  if (!TRUE_WORDS.has(word) && !FALSE_WORDS.has(word)) return undefined;
  const wrong = first < 0 ? '' : giftTextValue(text.slice(first + 1, second < 0 ? undefined : second));
  const right = second < 0 ? '' : giftTextValue(text.slice(second + 1));
  const isTrue = TRUE_WORDS.has(word);
  const [onTrue, onFalse] = isTrue ? [right, wrong] : [wrong, right];
  return {
    kind: 'single',
    options: [...TRUE_FALSE_OPTIONS],
    correct: [isTrue ? 0 : 1],
    optionFeedback: [onTrue || undefined, onFalse || undefined],
  };
}
