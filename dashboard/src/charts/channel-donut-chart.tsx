// Visits by channel as a donut, dark social in amber so it stands out.
import { useMemo } from 'react';
import type { BreakdownRow } from '../api/types';
import { formatCount, formatPercent } from '../lib/format';
import { channelName } from '../lib/labels';
import { COLORS, SERIES } from '../lib/palette';
import { rowId } from '../lib/breakdown-rows';
import { Chart } from './chart';
import { ChartLegend } from './chart-legend';
import { tooltipBox } from './chart-style';
import type { ChartOption } from './echarts-setup';

const CHANNEL_COLORS: Record<string, string> = {
  dark_social: COLORS.amber, social: '#8fa7ff', search: '#5ec4b6', email: '#c89bff', referral: '#b8d86b',
  paid: '#e07a8b', direct: '#6b7280', internal: '#4b5060',
};

function colorOf(key: string | null, index: number): string {
  return (key && CHANNEL_COLORS[key]) || SERIES[index % SERIES.length];
}

export function ChannelDonutChart({ rows }: { rows: BreakdownRow[] }) {
  const total = rows.reduce((sum, r) => sum + r.visits, 0);
  const sorted = useMemo(() => [...rows].filter((r) => r.visits > 0).sort((a, b) => b.visits - a.visits), [rows]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', ...tooltipBox(), valueFormatter: (value) => `${formatCount(Number(value))} visits` },
      series: [
        {
          name: 'Visits by channel',
          type: 'pie',
          radius: ['52%', '76%'],
          center: ['50%', '50%'],
          avoidLabelOverlap: true,
          label: { show: false },
          itemStyle: { borderColor: COLORS.ink, borderWidth: 2 },
          data: sorted.map((r, i) => ({
            name: channelName(r.key),
            value: r.visits,
            itemStyle: { color: colorOf(r.key, i) },
          })),
        },
      ],
    }),
    [sorted],
  );
  const label =
    total === 0
      ? 'No visits by channel in this period.'
      : `Visits by channel: ${sorted.map((r) => `${channelName(r.key)} ${formatPercent(r.visits / total)}`).join(', ')}.`;
  return (
    <>
    <Chart option={option} label={label} height={220} testId="channel-chart">
      <table>
        <caption>Visits by channel</caption>
        <thead><tr><th scope="col">Channel</th><th scope="col">Visits</th><th scope="col">Share of visits</th></tr></thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={rowId(r)}><th scope="row">{channelName(r.key)}</th><td>{r.visits}</td><td>{formatPercent(total ? r.visits / total : 0)}</td></tr>
          ))}
        </tbody>
      </table>
    </Chart>
    <ChartLegend
      items={sorted.map((r, i) => ({
        label: channelName(r.key),
        color: colorOf(r.key, i),
        value: formatPercent(total ? r.visits / total : 0),
      }))}
    />
    </>
  );
}
