// tsc compiles TypeScript only; the web shell's own static files travel to dist/ with it.
import { cpSync } from 'node:fs';

cpSync('src/shared/http/assets', 'dist/src/shared/http/assets', { recursive: true });
