// A chart's legend in HTML: colour swatches with names (and values when given).

export interface LegendItem {
  label: string;
  color: string;
  value?: string;
}

export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {items.map((item) => (
        <li key={item.label}>
          <span className="legend-swatch" style={{ background: item.color }} />
          {item.label}
          {item.value ? <span className="legend-value">{item.value}</span> : null}
        </li>
      ))}
    </ul>
  );
}
