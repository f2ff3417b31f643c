// An ECharts canvas in a React component: sized by its box, labelled for screen readers, disposed on unmount.
import { useEffect, useRef, type ReactNode } from 'react';
import { COLORS } from '../lib/palette';
import { init, type ChartOption } from './echarts-setup';

type ECharts = ReturnType<typeof init>;

/** What ECharts passes to a click handler, narrowed to what the dashboard reads. */
export interface ChartClick {
  dataIndex: number;
  name: string;
  data: unknown;
}

interface ChartProps {
  option: ChartOption;
  /** The chart's text alternative: what a person would take from looking at it. */
  label: string;
  height?: number;
  onClick?: (event: ChartClick) => void;
  /** A visually-hidden table or list with the chart's numbers. */
  children?: ReactNode;
  testId?: string;
}

const BASE_TEXT = { color: COLORS.text, fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' };

export function Chart({ option, label, height = 280, onClick, children, testId }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      const event = params as unknown as ChartClick;
      clickRef.current?.({ dataIndex: event.dataIndex, name: event.name, data: event.data });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: BASE_TEXT, backgroundColor: 'transparent', ...option }, { notMerge: true });
  }, [option]);

  return (
    <figure className="chart" data-testid={testId}>
      <div ref={box} className="chart-canvas" style={{ height }} role="img" aria-label={label} />
      {children ? <figcaption className="visually-hidden">{children}</figcaption> : null}
    </figure>
  );
}
