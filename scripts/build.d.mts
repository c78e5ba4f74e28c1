/** Builds dist/ unless it is newer than every source (scripts/build.mjs). */
export function ensureBuilt(): Promise<void>;
