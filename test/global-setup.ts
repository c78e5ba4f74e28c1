/**
 * Before any test file: build dist/ if a source changed, once, so the few tests that run the CLI as a
 * user does (a real process on the built code) never build it in parallel or time a build.
 */
import { ensureBuilt } from '../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await ensureBuilt();
}
