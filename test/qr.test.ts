// The dashboard's QR codes: a short link encodes to a square matrix and renders to an SVG of its dark modules.
import { expect, test } from 'vitest';
import { encodeQr } from '../dashboard/src/qr/encode-qr.js';
import { qrToSvg } from '../dashboard/src/qr/render-qr.js';

test('a short URL encodes to a square QR matrix and an SVG', () => {
  const matrix = encodeQr('https://lnt.example/launch');
  expect(matrix).not.toBeNull();
  const size = matrix!.length;
  expect(size).toBeGreaterThanOrEqual(21);
  expect(matrix!.every((row) => row.length === size)).toBe(true);
  // The three finder patterns: the top-left 7×7 corner is dark on its border.
  expect(matrix![0].slice(0, 7).every(Boolean)).toBe(true);
  const svg = qrToSvg(matrix!);
  expect(svg).toMatch(/^<svg[^>]*viewBox/);
  expect(encodeQr('https://lnt.example/other')).not.toEqual(matrix);
});
