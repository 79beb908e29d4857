import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type CommonPasswords = {
  isCommon(password: string): boolean;
  readonly size: number;
};

/** One password per line (see data/README.md); read once, synchronously, at start. */
export function loadCommonPasswords(file = defaultFile()): CommonPasswords {
  const passwords = new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => canonical(line.trim()))
      .filter((line) => line !== ''),
  );
  return {
    isCommon: (password) => passwords.has(canonical(password)),
    size: passwords.size,
  };
}

function canonical(password: string): string {
  return password.normalize('NFKC').toLowerCase();
}

// data/ sits at the project root, which is four levels up from src/ but five from the compiled
// dist/src/ — so look for the nearest package.json instead of counting levels.
function defaultFile(): string {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error('common-passwords: no package.json above ' + import.meta.url);
    directory = parent;
  }
  return path.join(directory, 'data', 'common-passwords.txt');
}
