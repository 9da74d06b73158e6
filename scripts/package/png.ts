/** What a PNG's IHDR chunk says about it. */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 2: RGB, 6: RGB with alpha (PNG-24 with transparency), 3: palette, 0/4: grey. */
  colorType: number;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Read a PNG's dimensions from its header, without decoding the image: the signature, then the
 * IHDR chunk that the format requires to come first. Anything else is not a PNG (null).
 */
export function readPngHeader(bytes: Uint8Array): PngHeader | null {
  if (bytes.length < 33) return null;
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!);
  if (view.getUint32(8) !== 13 || type !== "IHDR") return null;
  return {
    width: view.getUint32(16),
    height: view.getUint32(20),
    bitDepth: bytes[24]!,
    colorType: bytes[25]!,
  };
}
