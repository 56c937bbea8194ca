import { existsSync } from 'node:fs';
import path from 'node:path';

/** The folder holding package.json, from source (`bot/`) or from the build (`dist/bot/`). */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

export const projectRoot = findProjectRoot(import.meta.dirname);
