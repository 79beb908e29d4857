import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// data/ sits at the project root, which is a different number of levels up from src/ and from
// the compiled dist/src/ — so look for the nearest package.json instead of counting levels.
const projectRoot = (() => {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`no package.json above ${import.meta.url}`);
    directory = parent;
  }
  return directory;
})();

/** A path inside the project's `data/` directory (shipped in the Docker image). */
export function dataFile(...segments: string[]): string {
  return path.join(projectRoot, 'data', ...segments);
}
