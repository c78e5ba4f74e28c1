/**
 * A real nats-server -js for tests: on a free loopback port with a temporary store folder, stopped
 * and removed after the test file. Without nats-server installed, the event-log tests are skipped
 * (test/helpers/nats-notice.ts says once how to install it); every other test still runs.
 */
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { findNatsServer, startLocalNatsServer, type LocalNatsServer } from '../../src/stream/local-nats-server.ts';

/** Null when nats-server is not installed: describe.skipIf(!natsServerBinary) (the one line saying how to install it comes from nats-notice.ts). */
export const natsServerBinary = findNatsServer();

/**
 * Starts a server that is removed (process and store folder) when the test that started it ends.
 * Hooks are registered per test or per file, never at this module's top level: test files share
 * loaded modules (vitest isolate: false), so a top-level afterAll would run for the first file only
 * and every later file's servers would outlive the suite.
 */
export async function startNatsServer(): Promise<LocalNatsServer> {
  const server = await startLocalNatsServer({ binary: natsServerBinary ?? undefined });
  onTestFinished(() => server.remove());
  return server;
}

/** A server for the test file: started before its tests, removed after them. Call inside describe. */
export function useNatsServer(): () => LocalNatsServer {
  let server: LocalNatsServer | undefined;
  beforeAll(async () => {
    server = await startLocalNatsServer({ binary: natsServerBinary ?? undefined });
  });
  afterAll(async () => {
    await server?.remove();
  });
  return () => {
    if (!server) throw new Error('the test server did not start');
    return server;
  };
}
