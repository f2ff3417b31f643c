// Share cascades: parent/child share tokens → trees, with depth, breadth, reach and K-factor.
export type {
  Cascade, CascadeForest, CascadeMetrics, CascadeNode, CascadeNodeType, CascadeShare, CascadeShareType,
  CascadeVisit, DuplicateToken, RejectReason, RejectedEdge,
} from './types.js';
export { buildCascadeForest, buildCascades } from './build-cascades.js';
export { measureCascade } from './measure-cascade.js';
export { listCascadeNodes } from './list-cascade-nodes.js';
export { SIZE_BUCKETS, bucketOfSize, groupCascades, summarizeCascades } from './summarize-cascades.js';
export type { CascadeSummary, CascadeSummaryRow, SizeBucket } from './summarize-cascades.js';
export { DEFAULT_MAX_TREE_DEPTH, toCascadeRows, toCascadeTree, toCascadeView } from './to-cascade-tree.js';
export type { CascadeRow, CascadeTreeNode, CascadeTreeOptions, CascadeView } from './to-cascade-tree.js';
export { indexCascadeRoots } from './index-cascade-roots.js';
export type { CascadeRoot } from './index-cascade-roots.js';
