// Lantern's browser tracker: page views, copies and shares, linked by share tokens (ls) that ride in the URL.
// Nothing is stored on the device. Budget: 1200 bytes gzipped (scripts/build-tracker.js), hence the terse code.
// A classic script, not a module: a module would cost a "use strict" prologue in the built file.

interface ShareOptions { url?: string; title?: string; text?: string; target?: string }
interface Conversion { value?: number; currency?: string; orderId?: string; promoCode?: string }
interface Window {
  lantern: {
    share(options?: ShareOptions): void;
    track(name: string, props?: Record<string, unknown>): void;
    convert(conversion: Conversion): void;
  };
  TelegramWebviewProxy?: unknown;
}

const w = window, d = document, n = navigator, h = history, l = location;
const script = d.currentScript as HTMLScriptElement, data = script.dataset;
const on = (target: EventTarget, type: string, fn: (e: never) => void) => target.addEventListener(type, fn as EventListener);
const api = data.api || new URL('/api/collect', script.src);
/** Where the token goes in the address bar: unset → fragment, 'query', 'off' → nowhere. */
const mode = data.token;
/** Global Privacy Control or Do Not Track: no events and no token at all. */
const off = (n as { globalPrivacyControl?: boolean }).globalPrivacyControl || n.doNotTrack as unknown == 1;

/** This page view's token ('' when off), the token the visit arrived with, the reported URL, its path. */
let token = '', parentToken: string | undefined, arrived: string | undefined, page = '', path: string;

/**
 * Returns `href` without any `ls` parameter (the first one found, query before fragment, is kept in `arrived`);
 * with `t`, adds `ls=t` back: in the fragment unless data-token="query" or the page already uses the fragment.
 */
const link = (href: string | Location, t?: string) => {
  const u = new URL(href as string, l as unknown as string); // URL() reads a Location as its href: shorter code
  let [q, f] = [u.search, u.hash].map((s) => s.slice(1).split('&')
    .filter((x) => /^ls=./.test(x) ? (arrived = arrived || x.slice(3), 0) : x).join('&'));
  if (t) mode != 'query' && !f ? f = 'ls=' + t : q += (q ? '&' : '') + 'ls=' + t;
  u.search = q;
  u.hash = f;
  return u.href;
};

/** Sends one event of this page view; nothing when off. Errors are ignored: analytics must never break the page. */
const send: (e: string, x?: object) => void = (e, x, body?: string) => token && (
  body = JSON.stringify({
    s: data.site, e, u: page, r: d.referrer, k: token, p: parentToken, w: innerWidth,
    h: w.TelegramWebviewProxy && { tg: 1 }, d: x,
  }),
  // A string body goes as text/plain;charset=UTF-8, a CORS "simple" request: no preflight before each event.
  (w as { fetch?: unknown }).fetch ? fetch(api, { method: 'POST', body, keepalive: true }).catch(() => {}) : n.sendBeacon(api, body)
);

const view = () => {
  // As in Plausible, a page view is a new path: fragment moves and query-only changes are not.
  if (path != l.pathname) {
    // An SPA navigation is the same visit: it keeps the parent the visit arrived with.
    page = link(l);
    if (!token) parentToken = arrived;
    path = l.pathname;
    // 64 random bits as digits (two 32-bit numbers, 2–20 digits, almost always 18–20): the cheapest fresh token.
    token = crypto.getRandomValues(new Uint32Array(2)).join('');
    if (mode != 'off') h.replaceState(h.state, '', link(page, token));
    send('pageview');
  }
};

/** Share URLs, completed with the tokened URL (…url= and …u=) or with "text URL" as one message. */
const targets: Record<string, string> = {
  whatsapp: 'https://wa.me/?text=',
  telegram: 'https://t.me/share/url?url=',
  email: 'mailto:?body=',
  sms: 'sms:?&body=',
  x: 'https://x.com/intent/post?text=',
  facebook: 'https://facebook.com/sharer.php?u=',
  linkedin: 'https://linkedin.com/sharing/share-offsite/?url=',
};

const share = (o: ShareOptions = {}) => {
  const url = link(o.url || l, token), text = o.text || o.title || d.title, target = o.target;
  const tpl = targets[target!], shared = () => send('share', { target: target || 'native' });
  if (tpl) {
    shared();
    const href = tpl + encodeURIComponent(/[lu]=$/.test(tpl) ? url : text + ' ' + url);
    href[0] == 'h' ? open(href, '', 'noopener') : l.href = href;
  } else if (n.share) {
    // The share sheet names no platform ("native"); count the share only once the visitor completes it.
    n.share({ url, text }).then(shared, () => {});
  }
};

w.lantern = {
  share,
  track: (name, props) => send('custom', { name, props }),
  // Sent as given: the type (and the collector's schema) hold it to value, currency, orderId and promoCode.
  convert: (c) => send('conversion', c),
};

on(d, 'click', (e: MouseEvent) => {
  const el = e.target as Element, a = el.closest && el.closest<HTMLElement>('[data-lantern-share]');
  if (a) {
    e.preventDefault();
    share({ target: a.dataset.lanternShare });
  }
});

if (!off) {
  on(d, 'copy', (e: ClipboardEvent) => {
    const s = '' + getSelection();
    send('copy', { kind: /^\s*(https?:\/\/\S*\s*)?$/.test(s) ? 'url' : 'text', len: s.length });
    if (data.copyLink == 'on' && /(\S+\s+){19}\S/.test(s)) {
      e.clipboardData!.setData('text/plain', s + '\n\n' + link(l, token));
      e.preventDefault();
    }
  });
  const push = h.pushState;
  h.pushState = (...a: Parameters<History['pushState']>) => { push.apply(h, a); view(); };
  on(w, 'popstate', view);
  view();
}
