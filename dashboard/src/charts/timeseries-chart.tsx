// Visits and shares over time as two lines, with a summary sentence and a hidden table for screen readers.
import type { LineSeriesOption } from 'echarts/charts';
import { useMemo } from 'react';
import type { Interval, TimeseriesPoint } from '../api/types';
import { formatCount } from '../lib/format';
import { COLORS } from '../lib/palette';
import { Chart } from './chart';
import { ChartLegend } from './chart-legend';
import { countAxis, tooltipBox } from './chart-style';
import type { ChartOption } from './echarts-setup';

interface TimeseriesChartProps {
  points: TimeseriesPoint[];
  interval: Interval;
  height?: number;
}

function pointLabel(t: string, interval: Interval): string {
  const date = new Date(t);
  return interval === 'hour'
    ? date.toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

/** One smoothed line with a soft area under it; dots on the points while there are few enough to tell apart. */
function lineSeries(name: string, data: number[], look: { width: number; area: string }): LineSeriesOption {
  return {
    name,
    type: 'line',
    smooth: 0.25,
    showSymbol: data.length < 40,
    symbolSize: 5,
    lineStyle: { width: look.width },
    areaStyle: { color: look.area },
    data,
  };
}

/** One sentence a person would take from the chart. */
export function describeTimeseries(points: TimeseriesPoint[], interval: Interval): string {
  if (points.length === 0) return 'No visits or shares in this period.';
  const visits = points.reduce((sum, p) => sum + p.visits, 0);
  const shares = points.reduce((sum, p) => sum + p.shares, 0);
  const peak = points.reduce((best, p) => (p.visits > best.visits ? p : best), points[0]);
  const unit = interval === 'hour' ? 'hour' : 'day';
  const peakText = peak.visits > 0 ? ` The busiest ${unit} was ${pointLabel(peak.t, interval)} with ${formatCount(peak.visits)} visits.` : '';
  return `Visits and shares per ${unit}: ${formatCount(visits)} visits and ${formatCount(shares)} shares in ${points.length} ${unit}s.${peakText}`;
}

export function TimeseriesChart({ points, interval, height = 280 }: TimeseriesChartProps) {
  const option = useMemo<ChartOption>(
    () => ({
      color: [COLORS.amber, COLORS.teal],
      grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', ...tooltipBox() },
      xAxis: {
        type: 'category',
        data: points.map((p) => pointLabel(p.t, interval)),
        boundaryGap: false,
        axisLine: { lineStyle: { color: COLORS.grid } },
        axisTick: { show: false },
        axisLabel: { color: COLORS.muted, hideOverlap: true },
      },
      yAxis: countAxis(),
      series: [
        lineSeries('Visits', points.map((p) => p.visits), { width: 2.5, area: COLORS.amberSoft }),
        lineSeries('Shares', points.map((p) => p.shares), { width: 2, area: COLORS.tealSoft }),
      ],
    }),
    [points, interval],
  );

  return (
    <Chart option={option} label={describeTimeseries(points, interval)} height={height} testId="timeseries-chart"
      header={<ChartLegend items={[{ label: 'Visits', color: COLORS.amber }, { label: 'Shares', color: COLORS.teal }]} />}
    >
      <table>
        <caption>Visits and shares per {interval}</caption>
        <thead>
          <tr><th scope="col">Time</th><th scope="col">Visits</th><th scope="col">Shares</th></tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.t}><th scope="row">{pointLabel(p.t, interval)}</th><td>{p.visits}</td><td>{p.shares}</td></tr>
          ))}
        </tbody>
      </table>
    </Chart>
  );
}
