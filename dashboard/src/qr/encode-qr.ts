// Turns a text into QR code modules with `uqr` (MIT, no dependencies); rendering to SVG/PNG lives beside this.
import { encode } from 'uqr';

/** Rows of modules, `true` for a dark module, without a quiet zone. */
export type QrMatrix = boolean[][];

/** The QR matrix of `text` (error correction M), or null when it cannot be encoded. */
export function encodeQr(text: string): QrMatrix | null {
  try {
    return encode(text, { ecc: 'M', border: 0 }).data;
  } catch {
    return null;
  }
}
