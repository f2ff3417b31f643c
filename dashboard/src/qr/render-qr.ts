// Draws a QR module matrix as an SVG document or a PNG image, with the quiet zone scanners need.
import type { QrMatrix } from './encode-qr.js';

const QUIET_ZONE = 4;

/** An SVG document: one path of dark modules on a white square; `moduleSize` in px. */
export function qrToSvg(matrix: QrMatrix, moduleSize = 8): string {
  const count = matrix.length + QUIET_ZONE * 2;
  const size = count * moduleSize;
  let path = '';
  matrix.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
    });
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${count} ${count}" shape-rendering="crispEdges">` +
    `<rect width="${count}" height="${count}" fill="#ffffff"/><path d="${path}" fill="#14161b"/></svg>`
  );
}

/** A PNG of the code, `moduleSize` px per module. Rejects when the browser cannot encode PNG. */
export function qrToPng(matrix: QrMatrix, moduleSize = 12): Promise<Blob> {
  const count = matrix.length + QUIET_ZONE * 2;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = count * moduleSize;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('This browser cannot draw images.'));
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#14161b';
  matrix.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) context.fillRect((x + QUIET_ZONE) * moduleSize, (y + QUIET_ZONE) * moduleSize, moduleSize, moduleSize);
    });
  });
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('This browser could not make a PNG.'))), 'image/png');
  });
}

/** Saves a Blob as a file through a temporary link. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
