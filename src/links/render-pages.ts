// Small HTML pages of the redirect edge: the preview card for chat apps, and the not-found / gone pages.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export interface CardPage { title: string; description: string | null; image: string | null; siteName: string | null; shortUrl: string; destination: string }

/** The page a chat app's preview fetcher gets: Open Graph and Twitter tags, and a plain link for anyone else. */
export function renderPreviewPage(card: CardPage): string {
  const e = escapeHtml;
  const tags = [
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${e(card.title)}">`,
    `<meta property="og:url" content="${e(card.shortUrl)}">`,
    card.description ? `<meta property="og:description" content="${e(card.description)}">` : '',
    card.description ? `<meta name="description" content="${e(card.description)}">` : '',
    card.image ? `<meta property="og:image" content="${e(card.image)}">` : '',
    card.siteName ? `<meta property="og:site_name" content="${e(card.siteName)}">` : '',
    `<meta name="twitter:card" content="${card.image ? 'summary_large_image' : 'summary'}">`,
    `<meta name="twitter:title" content="${e(card.title)}">`,
    card.description ? `<meta name="twitter:description" content="${e(card.description)}">` : '',
    card.image ? `<meta name="twitter:image" content="${e(card.image)}">` : '',
  ].filter(Boolean);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${e(card.title)}</title>${tags.join('')}</head>` +
    `<body><p><a href="${e(card.destination)}">${e(card.title)}</a></p></body></html>`;
}

/** A small page for a person: unknown link, disabled link, exhausted or expired link. */
export function renderMessagePage(heading: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${escapeHtml(heading)}</title><style>body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;` +
    `background:#14161a;color:#f2efe9}main{max-width:28rem;padding:2rem}h1{color:#f5b942;font-size:1.5rem}</style></head>` +
    `<body><main><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(text)}</p></main></body></html>`;
}
