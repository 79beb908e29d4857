import { isRejectReason, readAnswerBlock } from './gift-answers.ts';
import { giftTextValue, maskEscapes, splitFormat, unescapeGift } from './gift-syntax.ts';
import type { ParsedQuestion, ParseResult, Rejection, RejectReason, TextFormat } from './parsed-question.ts';

/**
 * Moodle GIFT → questions the bank can hold (single and multiple choice, true/false as a
 * single choice), read the way Moodle's own importer reads them:
 *
 * - A byte order mark is dropped; CRLF, CR and LF all end a line. Questions are separated by
 *   blank lines; a line starting with `//` is a comment wherever it stands (it never separates
 *   questions). A question's line is its first line that is neither a comment nor `$CATEGORY:`.
 * - `$CATEGORY: path` lines at the start of a paragraph set the category of the questions that
 *   follow, kept as written (e.g. `$course$/top/Algebra`); the import maps it to a module. An
 *   empty `$CATEGORY:` means no category again.
 * - `::name::` is an optional title. `[markdown]`, `[html]`, `[plain]`, `[moodle]` before the
 *   text set `textFormat`; without one it is `moodle`, GIFT's own default (Moodle auto-format),
 *   and the import decides what to do with it. The same prefixes before an answer or a feedback
 *   are dropped.
 * - `\~ \= \# \{ \} \: \\` stand for the character, `\n` for a newline, in every part.
 * - The answer block may stand in the middle of the text ("missing word"): the text becomes
 *   before + `_____` + after, as Moodle shows it; a block at the end leaves no blank.
 * - `####…` at the end of the block is the general feedback (`explanation`).
 * - What the bank cannot hold is refused with its line and a reason code, and the next
 *   question is read all the same: see `gift-answers.ts` for the answer rules. A question
 *   without an answer block is a Moodle "description" (`unsupported_type`), a `{` without its
 *   `}` (or a `}` without a `{`) is `unclosed_answer_block`, several blocks are cloze.
 */
export function parseGift(text: string): ParseResult {
  const questions: ParsedQuestion[] = [];
  const rejected: Rejection[] = [];
  let category: string | undefined;
  for (const paragraph of paragraphsOf(text)) {
    const lines = paragraph.filter((line) => !line.text.trimStart().startsWith('//'));
    while (lines[0]?.text.trimStart().startsWith(CATEGORY)) {
      category = lines[0].text.trim().slice(CATEGORY.length).trim() || undefined;
      lines.shift();
    }
    const first = lines[0];
    if (!first) continue;
    const read = readQuestion(lines.map((line) => line.text).join('\n'));
    if (isRejectReason(read)) rejected.push({ line: first.number, reason: read });
    else questions.push({ line: first.number, category, ...read });
  }
  return { questions, rejected };
}

/** Marks where a missing-word answer block stood in the text. */
export const GIFT_BLANK = '_____';

/** GIFT's own default format of a text that names none. */
export const GIFT_DEFAULT_FORMAT: TextFormat = 'moodle';

const CATEGORY = '$CATEGORY:';

type Line = Readonly<{ number: number; text: string }>;

function paragraphsOf(text: string): Line[][] {
  const paragraphs: Line[][] = [];
  let current: Line[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((line, index) => {
      if (line.trim() !== '') {
        current.push({ number: index + 1, text: line });
      } else if (current.length > 0) {
        paragraphs.push(current);
        current = [];
      }
    });
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

type QuestionParts = Omit<ParsedQuestion, 'line' | 'category' | 'stage'>;

function readQuestion(source: string): QuestionParts | RejectReason {
  const { name, rest } = splitName(source.trim());
  const mask = maskEscapes(rest);
  const open = mask.indexOf('{');
  const close = mask.indexOf('}');
  if (open < 0 && close < 0) return { code: 'unsupported_type', params: { type: 'description' } };
  if (open < 0 || close < open || mask.lastIndexOf('{', close) !== open) return { code: 'unclosed_answer_block' };
  const afterMask = mask.slice(close + 1);
  if (afterMask.includes('{')) return { code: 'unsupported_type', params: { type: 'cloze' } };
  if (afterMask.includes('}')) return { code: 'unclosed_answer_block' };

  const block = rest.slice(open + 1, close);
  const generalFeedback = mask.slice(open + 1, close).lastIndexOf('####');
  const answers = readAnswerBlock(generalFeedback < 0 ? block : block.slice(0, generalFeedback));
  if (isRejectReason(answers)) return answers;

  const before = rest.slice(0, open);
  const after = rest.slice(close + 1);
  const { format, rest: body } = splitFormat((after.trim() === '' ? before : before + GIFT_BLANK + after).trim());
  const text = unescapeGift(body).trim();
  if (text === '') return { code: 'empty_text' };
  const explanation = generalFeedback < 0 ? '' : giftTextValue(block.slice(generalFeedback + 4));
  return { name, text, textFormat: format ?? GIFT_DEFAULT_FORMAT, ...answers, explanation: explanation || undefined };
}

function splitName(source: string): { name: string | undefined; rest: string } {
  const mask = maskEscapes(source);
  const end = mask.startsWith('::') ? mask.indexOf('::', 2) : -1;
  if (end < 0) return { name: undefined, rest: source };
  return { name: unescapeGift(source.slice(2, end)).trim() || undefined, rest: source.slice(end + 2) };
}
