// Registers only the ECharts parts the dashboard draws, keeping the bundle small. Loaded lazily by chart.tsx.
import { BarChart, LineChart, PieChart, TreeChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption, TreeSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([LineChart, BarChart, PieChart, TreeChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Legends are drawn in HTML (chart-legend.tsx): readable by screen readers and lighter than ECharts' own. */
export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | PieSeriesOption | TreeSeriesOption | GridComponentOption | TooltipComponentOption
>;

export { init };
