// A share tree drawn left to right: each node a visit, coloured by platform; clicking one selects it.
import { useMemo } from 'react';
import type { CascadeNode, CascadeTree } from '../api/types';
import { countLeaves } from '../lib/cascade-nodes';
import { formatDateTime, formatDuration } from '../lib/format';
import { platformName } from '../lib/labels';
import { COLORS } from '../lib/palette';
import { platformColor } from '../lib/platform-colors';
import { Chart } from './chart';
import { tooltipBox } from './chart-style';
import type { ChartOption } from './echarts-setup';

interface CascadeTreeChartProps {
  tree: CascadeTree;
  selected: string | null;
  onSelect(token: string): void;
}

interface TreeDatum {
  name: string;
  children: TreeDatum[];
  symbolSize: number;
  itemStyle: { color: string; borderColor: string; borderWidth: number };
}

function toDatum(node: CascadeNode, selected: string | null, isRoot: boolean): TreeDatum {
  const shares = node.shares?.length ?? 0;
  return {
    name: node.token,
    children: node.children.map((child) => toDatum(child, selected, false)),
    symbolSize: isRoot ? 18 : Math.min(16, 9 + shares * 2),
    itemStyle: {
      color: platformColor(node.platform),
      borderColor: node.token === selected ? COLORS.text : isRoot ? COLORS.amber : COLORS.ink,
      borderWidth: node.token === selected ? 3 : isRoot ? 3 : 1,
    },
  };
}

/** What a person takes from the drawing, for screen readers. */
export function describeTree(tree: CascadeTree): string {
  const platforms = tree.platforms.map(platformName).join(', ') || 'no platform';
  const delay = tree.medianDelayMs == null ? '' : ` Median time between a visit and the reshare it led to: ${formatDuration(tree.medianDelayMs)}.`;
  return (
    `Share tree started ${formatDateTime(tree.root.ts)} on ${platformName(tree.root.platform)}: ` +
    `${tree.size} visits over ${tree.depth} levels, reaching ${tree.reach}, across ${platforms}.${delay}`
  );
}

export function CascadeTreeChart({ tree, selected, onSelect }: CascadeTreeChartProps) {
  const lookup = useMemo(() => {
    const map = new Map<string, CascadeNode>();
    const walk = (node: CascadeNode) => { map.set(node.token, node); node.children.forEach(walk); };
    walk(tree.root);
    return map;
  }, [tree]);
  const leaves = useMemo(() => countLeaves(tree.root), [tree]);
  // Small trees read best left to right with labels; large ones as a radial burst coloured by platform.
  const radial = tree.size > 60 || leaves > 40;
  const labelled = tree.size <= 40;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'item',
        ...tooltipBox(),
        formatter: (params) => {
          const name = Array.isArray(params) ? params[0]?.name : params.name;
          const node = name ? lookup.get(name) : undefined;
          if (!node) return '';
          return `${platformName(node.platform)} · ${formatDateTime(node.ts)}<br/>${node.children.length} reshare visits`;
        },
      },
      series: [
        {
          type: 'tree',
          data: [toDatum(tree.root, selected, true)],
          ...(radial
            ? { layout: 'radial' as const, top: 24, bottom: 24, left: 24, right: 24 }
            : { layout: 'orthogonal' as const, orient: 'LR' as const, top: 24, bottom: 16, left: labelled ? 44 : 24, right: labelled ? 90 : 24 }),
          symbol: 'circle',
          roam: false,
          initialTreeDepth: -1,
          expandAndCollapse: false,
          edgeShape: 'curve',
          lineStyle: { color: '#3a404d', width: 1.2, curveness: 0.5 },
          label: {
            show: labelled && !radial,
            position: 'top',
            distance: 6,
            color: COLORS.muted,
            fontSize: 11,
            formatter: (params) => platformName(lookup.get(params.name)?.platform),
          },
          leaves: { label: { show: labelled && !radial, position: 'right', verticalAlign: 'middle', align: 'left', distance: 8 } },
          emphasis: { focus: 'ancestor' },
          animationDuration: 350,
        },
      ],
    }),
    [tree, selected, lookup, radial, labelled],
  );
  const height = radial ? 560 : Math.min(1200, Math.max(240, leaves * 24 + 40));
  return (
    <div className="tree-scroll">
      <div style={{ minWidth: radial ? 320 : Math.max(320, (tree.depth + 1) * (labelled ? 105 : 70)) }}>
        <Chart
          option={option}
          label={describeTree(tree)}
          height={height}
          testId="cascade-tree-chart"
          onClick={(event) => { if (lookup.has(event.name)) onSelect(event.name); }}
        />
      </div>
    </div>
  );
}
