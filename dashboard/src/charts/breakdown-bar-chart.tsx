// Horizontal bars of visits and shares per platform (or any breakdown), largest first.
import { useMemo } from 'react';
import type { BreakdownRow } from '../api/types';
import { formatCount } from '../lib/format';
import { COLORS } from '../lib/palette';
import { rowId } from '../lib/breakdown-rows';
import { Chart } from './chart';
import { ChartLegend } from './chart-legend';
import { countAxis, tooltipBox } from './chart-style';
import type { ChartOption } from './echarts-setup';

interface BreakdownBarChartProps {
  rows: BreakdownRow[];
  /** Turns a row into the name shown on its bar. */
  nameOf: (row: BreakdownRow) => string;
  /** What the rows are, for the text alternative: "platform". */
  noun: string;
  limit?: number;
  onSelect?: (row: BreakdownRow) => void;
}

export function describeBreakdown(rows: BreakdownRow[], nameOf: (row: BreakdownRow) => string, noun: string): string {
  if (rows.length === 0) return `No visits or shares by ${noun} in this period.`;
  const parts = rows.slice(0, 5).map((r) => `${nameOf(r)} ${formatCount(r.visits)} visits and ${formatCount(r.shares)} shares`);
  return `Visits and shares by ${noun}, largest first: ${parts.join('; ')}.`;
}

export function BreakdownBarChart({ rows, nameOf, noun, limit = 8, onSelect }: BreakdownBarChartProps) {
  const shown = useMemo(
    () => [...rows].sort((a, b) => b.visits + b.shares - (a.visits + a.shares)).slice(0, limit),
    [rows, limit],
  );
  const option = useMemo<ChartOption>(() => {
    const reversed = [...shown].reverse();
    return {
      color: [COLORS.amber, COLORS.teal],
      grid: { left: 8, right: 24, top: 4, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, ...tooltipBox() },
      xAxis: countAxis(),
      yAxis: {
        type: 'category',
        data: reversed.map(nameOf),
        axisLine: { lineStyle: { color: COLORS.grid } },
        axisTick: { show: false },
        axisLabel: { color: COLORS.text, width: 110, overflow: 'truncate' },
      },
      series: [
        { name: 'Visits', type: 'bar', data: reversed.map((r) => r.visits), barMaxWidth: 14, itemStyle: { borderRadius: [0, 4, 4, 0] } },
        { name: 'Shares', type: 'bar', data: reversed.map((r) => r.shares), barMaxWidth: 14, itemStyle: { borderRadius: [0, 4, 4, 0] } },
      ],
    };
  }, [shown, nameOf]);

  const height = Math.max(140, 24 + shown.length * 38);
  return (
    <Chart
      option={option}
      label={describeBreakdown(shown, nameOf, noun)}
      height={height}
      testId={`breakdown-chart-${noun}`}
      header={<ChartLegend items={[{ label: 'Visits', color: COLORS.amber }, { label: 'Shares', color: COLORS.teal }]} />}
      onClick={onSelect ? (event) => { const row = shown[shown.length - 1 - event.dataIndex]; if (row) onSelect(row); } : undefined}
    >
      <table>
        <caption>Visits and shares by {noun}</caption>
        <thead>
          <tr><th scope="col">{noun}</th><th scope="col">Visits</th><th scope="col">Shares</th></tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={rowId(r)}><th scope="row">{nameOf(r)}</th><td>{r.visits}</td><td>{r.shares}</td></tr>
          ))}
        </tbody>
      </table>
    </Chart>
  );
}
