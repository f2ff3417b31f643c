// The QR code of a short link, with SVG and PNG downloads, for posters, flyers and stickers.
import { useMemo, useState } from 'react';
import { encodeQr } from '../qr/encode-qr';
import { downloadBlob, qrToPng, qrToSvg } from '../qr/render-qr';

export function QrPanel({ text, filename }: { text: string; filename: string }) {
  const matrix = useMemo(() => encodeQr(text), [text]);
  const [error, setError] = useState<string | null>(null);
  const svg = useMemo(() => (matrix ? qrToSvg(matrix) : null), [matrix]);

  if (!matrix || !svg) {
    return (
      <div className="qr-panel qr-unavailable">
        <p className="muted">
          QR codes are not available in this build: the dashboard needs a QR encoder package (<code>uqr</code>), which is not
          installed yet.
        </p>
      </div>
    );
  }

  async function downloadPng() {
    if (!matrix) return;
    try {
      setError(null);
      downloadBlob(await qrToPng(matrix), `${filename}.png`);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : 'Could not make the PNG.');
    }
  }

  return (
    <div className="qr-panel">
      <img className="qr-image" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={`QR code for ${text}`} width={160} height={160} />
      <div className="button-row">
        <button type="button" className="button button-small" onClick={() => downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${filename}.svg`)}>
          Download SVG
        </button>
        <button type="button" className="button button-small" onClick={() => void downloadPng()}>Download PNG</button>
      </div>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </div>
  );
}
