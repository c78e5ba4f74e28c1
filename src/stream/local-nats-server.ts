/**
 * A real `nats-server -js` on a free loopback port with its own store folder, for tests and the
 * benchmark: started, stopped and started again on the same port and folder (as after a crash or
 * an upgrade), and removed with its folder. Readiness is the server's own "Server is ready" log line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type LocalNatsServer = {
  url: string;
  port: number;
  storeDir: string;
  /** Starts it again (same port, same store) after stop(). */
  start(): Promise<void>;
  /** Stops it (SIGTERM, or SIGKILL for a crash) and waits for the process to end. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Stops it and deletes its store folder. */
  remove(): Promise<void>;
};

const SEARCHED = ['/usr/sbin', '/usr/local/sbin', '/usr/local/bin', '/usr/bin', '/sbin'];

/** The nats-server binary on PATH (or in the usual sbin folders Debian installs it to), or null. */
export function findNatsServer(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...SEARCHED];
  for (const dir of dirs) {
    const file = path.join(dir, 'nats-server');
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** How long a server may take to say it is ready: generous, since a busy machine is slow, not broken. */
const READY_WITHIN_MS = 30_000;

export async function startLocalNatsServer(opts: { binary?: string } = {}): Promise<LocalNatsServer> {
  const binary = opts.binary ?? findNatsServer();
  if (!binary) throw new Error('nats-server is not installed (apt-get install -y nats-server)');
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leak-nats-'));
  let child: ChildProcess | undefined;
  let port = 0;
  // A free port can be taken by someone else before the server binds it: try a few.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      child = await launch(binary, port, storeDir);
      break;
    } catch (e) {
      if (attempt >= 5 || !/address already in use/i.test((e as Error).message)) {
        fs.rmSync(storeDir, { recursive: true, force: true });
        throw e;
      }
    }
  }
  const server: LocalNatsServer = {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    async start() {
      if (child && child.exitCode === null && child.signalCode === null) return;
      child = await launch(binary, port, storeDir);
    },
    async stop(signal = 'SIGTERM') {
      const c = child;
      child = undefined;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const ended = new Promise<void>((r) => c.once('exit', () => r()));
      c.kill(signal);
      await ended;
    },
    async remove() {
      await server.stop();
      fs.rmSync(storeDir, { recursive: true, force: true });
    },
  };
  return server;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function launch(binary: string, port: number, storeDir: string): Promise<ChildProcess> {
  const child = spawn(binary, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => fail(new Error(`nats-server did not say it was ready within ${READY_WITHIN_MS / 1000} s:\n${log}`)), READY_WITHIN_MS);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (/Server is ready/.test(log)) done();
    };
    const onExit = (code: number | null) => fail(new Error(`nats-server exited (code ${code}) before it was ready:\n${log}`));
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
    child.once('error', (e) => fail(e));
    function cleanup() {
      clearTimeout(timer);
      child.off('exit', onExit);
    }
    function done() {
      cleanup();
      // Keep draining its output so a chatty server never blocks on a full pipe.
      child.stdout!.off('data', onData).resume();
      child.stderr!.off('data', onData).resume();
      resolve(child);
    }
    function fail(e: Error) {
      cleanup();
      child.kill('SIGKILL');
      reject(e);
    }
  });
}
