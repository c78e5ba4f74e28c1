/**
 * Files that ship beside the code (migrations, fonts, the JSON settings) are read from the source
 * tree, whether the code runs from there (tests) or bundled into dist/ (the CLI, `npm start`, the
 * bench): dist/ holds only JavaScript, so an edited rules file or a new migration needs no build.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
// Here is <root>/src/source-path.ts, or a file somewhere under <root>/dist/ once bundled.
const inDist = here.lastIndexOf(`${path.sep}dist${path.sep}`);
const root = here.endsWith('.ts') || inDist < 0 ? path.resolve(here, '../..') : here.slice(0, inDist);

/** A file or folder of the project, by its path from the project's root: projectPath('db', 'migrations'). */
export function projectPath(...segments: string[]): string {
  return path.join(root, ...segments);
}
