// The looks every chart shares: the dark tooltip box and the count axis with dashed grid lines.
import { COLORS } from '../lib/palette';

/** The tooltip box of every chart; the caller adds `trigger` and any formatter. A fresh object each call. */
export function tooltipBox() {
  return { backgroundColor: COLORS.surface, borderColor: COLORS.grid, textStyle: { color: COLORS.text } };
}

/** A value axis of counts: whole numbers only, dashed grid lines, muted labels. A fresh object each call. */
export function countAxis() {
  return {
    type: 'value' as const,
    minInterval: 1,
    splitLine: { lineStyle: { color: COLORS.grid, type: 'dashed' as const } },
    axisLabel: { color: COLORS.muted },
  };
}
