/** The machine a benchmark ran on, so a figure is never quoted without its context. */
import os from 'node:os';

export function describeMachine(): string {
  const cpu = os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const mem = `${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  return `${cpu}, ${os.cpus().length} cores, ${mem} RAM, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}
