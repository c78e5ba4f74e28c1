import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflate = promisify(zlib.deflate);

/** Reads a PNG's declared size from its header, so callers (and tests) can check what they got is a PNG at all. */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function readPngSize(png: Buffer): { width: number; height: number } | null {
  // Signature, then the first chunk must be IHDR (length 13) holding width and height big-endian.
  if (png.length < 24 || !png.subarray(0, 8).equals(SIGNATURE)) return null;
  if (png.readUInt32BE(8) !== 13 || png.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * RGBA pixels → PNG. resvg's own asPng() encodes on the main thread;
 * zlib.deflate runs on libuv's thread pool, so a digest's charts encode in parallel while the main
 * thread builds the next SVG or runs queries. Every row uses filter 0: a chart is mostly long runs
 * of one colour, which deflate packs well alone; level 3 is several times faster than 6 and still
 * smaller than what resvg wrote.
 */
export async function encodePng(rgba: Buffer, width: number, height: number): Promise<Buffer> {
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  // TypedArray#set, not Buffer#copy: the same memcpy without Buffer's JS argument checks, which
  // a cold process pays for on every row.
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA; compression, filter method and interlace stay 0
  const data = await deflate(raw, { level: 3 });
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
