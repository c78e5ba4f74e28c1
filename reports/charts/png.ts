/** Reads a PNG's declared size from its header, so callers (and tests) can check what they got is a PNG at all. */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function readPngSize(png: Buffer): { width: number; height: number } | null {
  // Signature, then the first chunk must be IHDR (length 13) holding width and height big-endian.
  if (png.length < 24 || !png.subarray(0, 8).equals(SIGNATURE)) return null;
  if (png.readUInt32BE(8) !== 13 || png.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
