/**
 * Moodle's Aiken format: the question text (one or more lines), then the options `A.` or `A)`
 * followed by a space, then `ANSWER: X`. Always single choice, plain text. Blank lines separate
 * questions and may also sit between the text and the options or between options.
 *
 *     Столица Франции?
 *     A. Лион
 *     B) Париж
 *     ANSWER: B
 *
 * A broken question is rejected with the line where it starts and the parser goes on with the
 * next one: a text line after the options (or after a blank line following text) begins a new
 * question, and the one before it is reported as `missing_answer_line`.
 */
import type { ParsedQuestion, ParseResult, RejectReason, Rejection } from './parsed-question.ts';

export const MAX_AIKEN_OPTIONS = 10;

const OPTION_LINE = /^([A-Z])[.)](?:\s+(.*))?$/;
const ANSWER_LINE = /^ANSWER\s*:(.*)$/;
const FIRST_LETTER = 'A'.charCodeAt(0);

type Option = Readonly<{ label: string; text: string }>;
type Draft = { line: number; text: string[]; options: Option[]; blankAfterText: boolean };

export function parseAiken(text: string): ParseResult {
  const questions: ParsedQuestion[] = [];
  const rejected: Rejection[] = [];
  let draft: Draft | undefined;

  const finish = (answer: string | undefined) => {
    if (draft === undefined) return;
    const outcome = answer === undefined ? { code: 'missing_answer_line' } : toQuestion(draft, answer);
    if ('code' in outcome) rejected.push({ line: draft.line, reason: outcome });
    else questions.push(outcome);
    draft = undefined;
  };

  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim(); // trim() also drops a BOM
    const answer = ANSWER_LINE.exec(content);
    const option = OPTION_LINE.exec(content);

    if (content === '') {
      if (draft && draft.options.length === 0) draft.blankAfterText = true;
    } else if (answer) {
      draft ??= { line, text: [], options: [], blankAfterText: false };
      finish(answer[1]?.trim() ?? '');
    } else if (option) {
      draft ??= { line, text: [], options: [], blankAfterText: false };
      draft.options.push({ label: option[1] ?? '', text: option[2]?.trim() ?? '' });
    } else {
      if (draft && (draft.options.length > 0 || draft.blankAfterText)) finish(undefined);
      draft ??= { line, text: [], options: [], blankAfterText: false };
      draft.text.push(content);
    }
  });
  finish(undefined);

  return { questions, rejected };
}

function toQuestion(draft: Draft, answer: string): ParsedQuestion | RejectReason {
  const { options } = draft;
  if (draft.text.length === 0) return { code: 'empty_text' };
  if (options.length < 2) return { code: 'too_few_options', params: { count: options.length } };
  if (options.length > MAX_AIKEN_OPTIONS) return { code: 'too_many_options', params: { count: options.length } };
  if (options.some((option, i) => option.label.charCodeAt(0) !== FIRST_LETTER + i)) {
    return { code: 'non_consecutive_options' };
  }
  const empty = options.findIndex((option) => option.text === '');
  if (empty >= 0) return { code: 'empty_option', params: { option: empty + 1 } };

  const correct = options.findIndex((option) => option.label === answer.toUpperCase());
  if (!/^[A-Za-z]$/.test(answer) || correct < 0) return { code: 'answer_not_an_option', params: { answer } };

  return {
    line: draft.line,
    kind: 'single',
    text: draft.text.join('\n'),
    textFormat: 'plain',
    options: options.map((option) => option.text),
    correct: [correct],
    optionFeedback: options.map(() => undefined),
  };
}
