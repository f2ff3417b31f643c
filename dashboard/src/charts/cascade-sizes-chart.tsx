// How many share trees there are of each size: most stay small, a few travel far.
import { useMemo } from 'react';
import type { CascadeSummary } from '../api/types';
import { COLORS } from '../lib/palette';
import { Chart } from './chart';
import { countAxis, tooltipBox } from './chart-style';
import type { ChartOption } from './echarts-setup';

export function CascadeSizesChart({ sizes }: { sizes: CascadeSummary['sizes'] }) {
  const option = useMemo<ChartOption>(
    () => ({
      color: [COLORS.amber],
      grid: { left: 8, right: 8, top: 16, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, ...tooltipBox() },
      xAxis: {
        type: 'category',
        data: sizes.map((s) => s.bucket),
        name: 'visits per tree',
        nameLocation: 'middle',
        nameGap: 26,
        nameTextStyle: { color: COLORS.muted },
        axisLine: { lineStyle: { color: COLORS.grid } },
        axisTick: { show: false },
        axisLabel: { color: COLORS.muted, interval: 0 },
      },
      yAxis: countAxis(),
      series: [{ name: 'Trees', type: 'bar', data: sizes.map((s) => s.count), barMaxWidth: 36, itemStyle: { borderRadius: [4, 4, 0, 0] } }],
    }),
    [sizes],
  );
  const label = sizes.length
    ? `Share trees by size: ${sizes.map((s) => `${s.count} of size ${s.bucket}`).join(', ')}.`
    : 'No share trees yet.';
  return <Chart option={option} label={label} height={200} testId="cascade-sizes-chart" />;
}
