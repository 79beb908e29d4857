import { readFileSync } from 'node:fs';
import { dataFile } from '../../../shared/infrastructure/data-files.ts';

export type CommonPasswords = {
  isCommon(password: string): boolean;
  readonly size: number;
};

/** One password per line (see data/README.md); read once, synchronously, at start. */
export function loadCommonPasswords(file = dataFile('common-passwords.txt')): CommonPasswords {
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
