import { escapeGift, startsWithFormatPrefix } from './gift-syntax.ts';
import type { QuestionKind } from './parsed-question.ts';

/** A bank question as the exporter needs it (texts are Markdown). */
export type ExportableQuestion = Readonly<{
  name?: string | undefined;
  category?: string | undefined;
  kind: QuestionKind;
  text: string;
  options: readonly string[];
  correct: readonly number[];
  explanation?: string | undefined;
  optionFeedback?: readonly (string | undefined)[] | undefined;
}>;

/**
 * Bank questions → Moodle GIFT that `parseGift` (and Moodle) reads back to the same questions:
 *
 * - `$CATEGORY: path` before a question whose category differs from the one in force (an empty
 *   `$CATEGORY:` when a question has none after one that had); a category takes one line, so
 *   line breaks in it become spaces.
 * - `::name::[markdown]text {` and one answer per line, then `}`; a blank line between questions.
 * - Every GIFT special (`~ = # { } : \`) is escaped and every line break written as `\n`, so no
 *   text can end a question, start a comment or pass for structure.
 * - Single choice: `=` right, `~` wrong. Multiple choice: `~%w%` on the right options, w = 100 / n
 *   rounded to 5 decimals (33.33333, 16.66667: Moodle's own grade values, which it accepts
 *   as adding up to 100), and `~%-100%` on the wrong ones.
 * - `#feedback` after an option, `####explanation` on the last line of the block.
 * - Texts are trimmed when read back: surrounding white space is not kept.
 */
export function exportGift(questions: readonly ExportableQuestion[]): string {
  const paragraphs: string[] = [];
  let category: string | undefined;
  for (const question of questions) {
    const wanted = question.category?.replace(/\s*[\r\n]+\s*/g, ' ').trim() || undefined;
    if (wanted !== category) paragraphs.push(wanted === undefined ? '$CATEGORY:' : `$CATEGORY: ${wanted}`);
    category = wanted;
    paragraphs.push(questionGift(question));
  }
  return paragraphs.map((paragraph) => `${paragraph}\n`).join('\n');
}

function questionGift(question: ExportableQuestion): string {
  const name = question.name?.trim() ? `::${escapeGift(question.name)}::` : '';
  const weight = question.kind === 'multiple' ? weightOfRight(question.correct.length) : '';
  const lines = question.options.map((option, n) => {
    const right = question.correct.includes(n);
    const marker = markerOf(question.kind, right, weight, option);
    const feedback = question.optionFeedback?.[n]?.trim() ? `#${part(question.optionFeedback[n] ?? '')}` : '';
    return `\t${marker}${part(option)}${feedback}`;
  });
  if (question.explanation?.trim()) lines.push(`\t####${part(question.explanation)}`);
  return `${name}[markdown]${escapeGift(question.text)} {\n${lines.join('\n')}\n}`;
}

function markerOf(kind: QuestionKind, right: boolean, weight: string, option: string): string {
  if (kind === 'multiple') return right ? `~%${weight}%` : '~%-100%';
  if (right) return '=';
  // A wrong option's text that starts with `%` would pass for a weight: give it an explicit one.
  return option.trimStart().startsWith('%') ? '~%0%' : '~';
}

function weightOfRight(count: number): string {
  return String(Number((100 / Math.max(count, 1)).toFixed(5)));
}

/** An option or feedback text; one that starts with a format name keeps it by naming its own. */
function part(text: string): string {
  const escaped = escapeGift(text);
  return startsWithFormatPrefix(escaped.trimStart()) ? `[markdown]${escaped}` : escaped;
}
