/**
 * Micro-batches from a pull subscription: waits for a first message, then takes what else arrives
 * until the batch is full or maxWaitMs have passed since that first one. A message still on its way
 * when the time is up is kept for the next batch, never dropped.
 */
import type { JsMsg } from '@nats-io/jetstream';

export type Pull = { iterator: AsyncIterator<JsMsg>; stop(): void; next?: Promise<IteratorResult<JsMsg>> };

const nextOf = (pull: Pull) => (pull.next ??= pull.iterator.next());

/** The next batch, or [] once the subscription has ended (stopped). */
export async function takeBatch(pull: Pull, maxMessages: number, maxWaitMs: number): Promise<JsMsg[]> {
  const first = await nextOf(pull);
  pull.next = undefined;
  if (first.done) return [];
  const batch = [first.value];
  const deadline = performance.now() + maxWaitMs;
  while (batch.length < maxMessages) {
    const left = deadline - performance.now();
    if (left <= 0) break;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), left)));
    const r = await Promise.race([nextOf(pull), timeout]);
    clearTimeout(timer);
    if (r === 'late') break;
    pull.next = undefined;
    if (r.done) break;
    batch.push(r.value);
  }
  return batch;
}
