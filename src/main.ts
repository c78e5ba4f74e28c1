/**
 * `npm start`: load the configuration, open the store (created if new), start every service
 * (simulator when it applies, Slack when configured, the jobs, digests and inbox always), and run
 * until Ctrl-C or SIGTERM, then stop them cleanly: the live stream finishes its batch, so the next
 * start resumes exactly there.
 */
import { describeError } from './errors.ts';
import { openContext } from './services/open-context.ts';
import { startServices, type Service } from './services/start-services.ts';

async function main(): Promise<number> {
  let services: Service[] = [];
  let close = () => {};
  try {
    const ctx = openContext();
    close = () => ctx.store.close();
    ctx.log.info(`Leak: store ${ctx.config.dbFile} (time zone ${ctx.config.timeZone}).`);
    services = await startServices(ctx);
  } catch (e) {
    console.error(describeError(e));
    close();
    return 1;
  }
  console.log('Running. Ctrl-C to stop.');
  // A service until told to stop, whatever is configured: without Slack or the simulator nothing else
  // need hold the event loop open between the hourly jobs, and Node would exit (code 13) mid-await.
  const keepAlive = setInterval(() => undefined, 2 ** 30);
  // Listeners stay on while stopping: a second Ctrl-C (or npm relaying the first) must not kill the batch in flight.
  await new Promise<void>((resolve) => {
    process.on('SIGINT', resolve);
    process.on('SIGTERM', resolve);
  });
  clearInterval(keepAlive);
  console.log('\nStopping…');
  for (const s of services.reverse()) {
    try {
      await s.stop();
    } catch (e) {
      console.error(`${s.name}: ${describeError(e)}`);
    }
  }
  close();
  return 0;
}

const code = await main();
process.exitCode = code;
// A stray handle (a socket, a timer) must not keep a stopped Leak alive.
setTimeout(() => process.exit(code), 2000).unref();
