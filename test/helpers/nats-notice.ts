/** Vitest global setup: says once per run, in one line, why the event-log tests were skipped. */
import { findNatsServer } from '../../src/stream/local-nats-server.ts';

export default function setup(): void {
  if (!findNatsServer()) process.stderr.write('Event-log tests skipped: nats-server is not installed (apt-get install -y nats-server).\n');
}
