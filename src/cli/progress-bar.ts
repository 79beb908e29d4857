/**
 * Progress of a long command on stderr: a bar on a terminal; plain lines otherwise, and only
 * when the work is large enough (`quietBelow`) to be worth them.
 */
export function progressReporter(
  verb: { doing: string; done: string },
  options: { quietBelow?: number } = {},
): (done: number, total: number) => void {
  const stderr = process.stderr;
  return (done, total) => {
    if (stderr.isTTY) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      stderr.write(`\r${verb.doing} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`);
      if (done === total) stderr.write('\n');
    } else if (total > (options.quietBelow ?? 500)) {
      stderr.write(`${verb.done} ${done}/${total}\n`);
    }
  };
}
