// One line of the live feed: an event (type, platform, country, where) or an alert in words.
import { formatMoment } from '../lib/format';
import { channelName, countryName, eventTypeName, platformName } from '../lib/labels';
import type { LiveEntry } from '../lib/live-message';
import { platformColor } from '../lib/platform-colors';

export function LiveEntryRow({ entry, linkName }: { entry: LiveEntry; linkName(id: string): string | null }) {
  if (entry.kind === 'alert') {
    return (
      <li className="live-row live-alert">
        <time dateTime={entry.ts}>{formatMoment(entry.ts)}</time>
        <span className="badge badge-alert">Alert</span>
        <span className="live-text">{entry.text ?? 'An alert rule fired.'}</span>
      </li>
    );
  }
  return (
    <li className="live-row">
      <time dateTime={entry.ts}>{formatMoment(entry.ts)}</time>
      <span className={`badge badge-event badge-${entry.eventType ?? 'event'}`}>{eventTypeName(entry.eventType)}</span>
      <span className="live-text">
        {entry.platform ? (
          <span className="platform-tag"><span className="platform-dot" style={{ background: platformColor(entry.platform) }} aria-hidden="true" />{platformName(entry.platform)}</span>
        ) : null}
        {entry.channel ? <span className="muted"> · {channelName(entry.channel)}</span> : null}
        {entry.country ? <span className="muted"> · {countryName(entry.country)}</span> : null}
        {entry.link ? <span className="muted"> · {linkName(entry.link) ?? entry.link}</span> : null}
        {entry.where ? <span className="muted"> · <code>{entry.where}</code></span> : null}
      </span>
    </li>
  );
}
