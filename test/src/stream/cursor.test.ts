import { describe, expect, it } from 'vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { CALL_HEADER, tempDir, writeCsv } from '../../helpers/csv.ts';
import { callRow } from '../../helpers/leak-fixture.ts';
import { natsServerBinary, useNatsServer } from '../../helpers/nats-server.ts';
import { settingsFor } from '../../helpers/stream.ts';
import { StreamPublisher } from '../../../src/stream/publisher.ts';
import { publishFiles } from '../../../src/stream/publish-csv.ts';
import { untilGap } from '../../../src/stream/cursor.ts';
import { serversOf } from '../../../src/stream/stream-settings.ts';

describe.skipIf(!natsServerBinary)('the gap check', { timeout: 120_000 }, () => {
  const server = useNatsServer();

  it('stops before a message that was skipped in delivery, passes redeliveries and deleted messages', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => callRow({ id: `c${i}`, member: 'M-000001', start: '2026-11-20T14:00:00Z' }));
    const many = settingsFor(server().url, { name: 'GAPS', prefix: 'gaps' });
    const pub = await StreamPublisher.open(many);
    await publishFiles(pub, [{ kind: 'calls', file: writeCsv(tempDir(), 'calls.csv', CALL_HEADER, rows) }], { maxRows: 1 });
    await pub.close();
    expect(pub.lastSeq).toBe(6);
    const nc = await connect({ servers: serversOf(server().url) });
    const jsm = await jetstreamManager(nc);
    const seqs = (ns: number[]) => ns.map((seq) => ({ seq }));

    expect(await untilGap(jsm, many, 0, seqs([1, 2, 3]))).toEqual(seqs([1, 2, 3]));
    expect(await untilGap(jsm, many, 0, seqs([1, 2, 4, 5]))).toEqual(seqs([1, 2]));
    expect(await untilGap(jsm, many, 0, seqs([3, 4]))).toEqual([]);
    // Redeliveries of applied messages before new ones pass.
    expect(await untilGap(jsm, many, 3, seqs([2, 3, 4]))).toEqual(seqs([2, 3, 4]));
    // A deleted message is not a gap.
    await jsm.streams.deleteMessage('GAPS', 3);
    expect(await untilGap(jsm, many, 0, seqs([1, 2, 4, 5]))).toEqual(seqs([1, 2, 4, 5]));
    await nc.close();
  });
});
