// Date presets, custom dates and platform/channel filters, all kept in the URL query.
import { useMemo } from 'react';
import { PRESETS, matchingPreset, presetRange, readDayRange } from '../lib/date-range';
import { CHANNEL_IDS, PLATFORM_IDS, channelName, platformName } from '../lib/labels';
import { updateQuery } from '../lib/url-query';
import { useLocation } from '../router/history';
import { FilterChips } from './filter-chips';
import { InlineField } from './inline-field';

export function RangeBar({ showFilters = true }: { showFilters?: boolean }) {
  const { search, searchString } = useLocation();
  const now = useMemo(() => new Date(), [searchString]);
  const range = readDayRange(search, now);
  const active = matchingPreset(range, now);
  const platform = search.get('platform') ?? '';
  const channel = search.get('channel') ?? '';

  return (
    <div className="range-bar" role="group" aria-label="Date range and filters">
      <div className="segmented" role="group" aria-label="Date range presets">
        {PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            className="segment"
            aria-pressed={active === preset.id}
            onClick={() => updateQuery({ ...presetRange(preset.days, new Date()) })}
          >
            {preset.label}
          </button>
        ))}
      </div>
      <div className="date-inputs">
        <InlineField label="From">
          <input type="date" value={range.from} max={range.to} onChange={(e) => e.target.value && updateQuery({ from: e.target.value, to: range.to })} />
        </InlineField>
        <InlineField label="To">
          <input type="date" value={range.to} min={range.from} onChange={(e) => e.target.value && updateQuery({ from: range.from, to: e.target.value })} />
        </InlineField>
      </div>
      {showFilters ? (
        <div className="filter-selects">
          <InlineField label="Platform">
            <select value={platform} onChange={(e) => updateQuery({ platform: e.target.value })}>
              <option value="">All</option>
              {PLATFORM_IDS.map((id) => <option key={id} value={id}>{platformName(id)}</option>)}
            </select>
          </InlineField>
          <InlineField label="Channel">
            <select value={channel} onChange={(e) => updateQuery({ channel: e.target.value })}>
              <option value="">All</option>
              {CHANNEL_IDS.map((id) => <option key={id} value={id}>{channelName(id)}</option>)}
            </select>
          </InlineField>
        </div>
      ) : null}
      <FilterChips />
    </div>
  );
}
