// Turns a text into QR code modules. No QR encoder package is installed yet, so this answers null for now.
//
// To enable QR codes, add the `uqr` package (MIT, zero dependencies, ESM, typed) to the root devDependencies
// and replace the body below with:
//
//   import { encode } from 'uqr';
//   export function encodeQr(text: string): QrMatrix | null {
//     return encode(text, { ecc: 'M', border: 0 }).data;
//   }
//
// Everything else (SVG and PNG rendering, downloads) already works from the matrix.

/** Rows of modules, `true` for a dark module, without a quiet zone. */
export type QrMatrix = boolean[][];

export function encodeQr(text: string): QrMatrix | null {
  void text;
  return null;
}
