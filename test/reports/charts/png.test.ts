import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng, readPngSize } from '../../../reports/charts/png.ts';

/** The chunks of a PNG as [type, data], each CRC checked. */
function chunks(png: Buffer): [string, Buffer][] {
  const out: [string, Buffer][] = [];
  for (let off = 8; off < png.length; ) {
    const len = png.readUInt32BE(off);
    expect(png.readUInt32BE(off + 8 + len)).toBe(zlib.crc32(png.subarray(off + 4, off + 8 + len)));
    out.push([png.toString('latin1', off + 4, off + 8), png.subarray(off + 8, off + 8 + len)]);
    off += 12 + len;
  }
  return out;
}

describe('encodePng', () => {
  it('writes 8-bit RGBA rows, each with filter 0, that inflate back to the exact pixels', async () => {
    // 3 × 2: red, green, blue / white, half-transparent black, grey.
    const pixels = Buffer.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0, 128, 128, 128, 128, 255]);
    const png = await encodePng(pixels, 3, 2);
    expect(readPngSize(png)).toEqual({ width: 3, height: 2 });
    const list = chunks(png);
    expect(list.map(([type]) => type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([...list[0][1].subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    const raw = zlib.inflateSync(list[1][1]);
    expect(raw).toEqual(Buffer.concat([Buffer.from([0]), pixels.subarray(0, 12), Buffer.from([0]), pixels.subarray(12)]));
  });
});
