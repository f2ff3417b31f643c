// An ECharts canvas in a React component: ECharts loads on first use, the box sizes it, a label describes it.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { COLORS } from '../lib/palette';
import type { ChartOption } from './echarts-setup';

type ECharts = ReturnType<typeof import('./echarts-setup')['init']>;

/** What ECharts passes to a click handler, narrowed to what the dashboard reads. */
export interface ChartClick {
  dataIndex: number;
  name: string;
}

interface ChartProps {
  option: ChartOption;
  /** The chart's text alternative: what a person would take from looking at it. */
  label: string;
  height?: number;
  onClick?: (event: ChartClick) => void;
  /** A visually-hidden table or list with the chart's numbers. */
  children?: ReactNode;
  /** Shown above the canvas, e.g. an HTML legend. */
  header?: ReactNode;
  testId?: string;
}

const BASE_TEXT = { color: COLORS.text, fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' };

// One shared promise: the ECharts chunk downloads once, when the first chart mounts.
let echartsModule: Promise<typeof import('./echarts-setup')> | null = null;
function loadECharts() {
  echartsModule ??= import('./echarts-setup');
  return echartsModule;
}

export function Chart({ option, label, height = 280, onClick, children, header, testId }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);
  const [failed, setFailed] = useState(false);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    let instance: ECharts | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    loadECharts()
      .then(({ init }) => {
        if (cancelled || !box.current) return;
        instance = init(box.current, undefined, { renderer: 'canvas' });
        instance.on('click', (params) => {
          const { dataIndex, name } = params as { dataIndex: number; name: string };
          clickRef.current?.({ dataIndex, name });
        });
        const current = instance;
        observer = new ResizeObserver(() => current.resize());
        observer.observe(box.current);
        setChart(instance);
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      observer?.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    chart?.setOption({ textStyle: BASE_TEXT, backgroundColor: 'transparent', ...option }, { notMerge: true });
  }, [chart, option]);

  return (
    <figure className="chart" data-testid={testId} data-ready={chart ? 'true' : 'false'}>
      {header}
      <div ref={box} className="chart-canvas" style={{ height }} role="img" aria-label={label}>
        {failed ? <p className="muted chart-failed">The chart could not load. The numbers are in the table.</p> : null}
      </div>
      {children ? <figcaption className="visually-hidden">{children}</figcaption> : null}
    </figure>
  );
}
