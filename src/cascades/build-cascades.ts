// Turns visit rows into share-cascade trees: links each visit to the visit that minted its parent token.
import { listCascadeNodes } from './list-cascade-nodes.js';
import { measureCascade } from './measure-cascade.js';
import type {
  Cascade, CascadeForest, CascadeNode, CascadeNodeType, CascadeVisit, DuplicateToken, RejectedEdge,
} from './types.js';

const NODE_TYPES: ReadonlySet<string> = new Set<CascadeNodeType>(['click', 'pageview', 'join']);
const SHARE_TYPES: ReadonlySet<string> = new Set(['preview', 'share']);
const NO_PARENT = -1;

/**
 * Builds the trees and reports what was set aside: refused edges (self-parents, cycles), tokens minted
 * twice, shares of unknown visits and rows that are neither visits nor shares.
 *
 * - A visit (click, pageview, join) whose `parent` token was minted by another visit is that visit's child;
 *   a click and the landing pageview that reports the click's token therefore join one tree.
 * - A token minted twice belongs to its earliest visit (ties: first row); the later visit stays in the tree
 *   of its own parent as a leaf flagged `duplicate` and is listed in `duplicates`.
 * - A visit whose parent token nobody minted is kept as a root with `orphan: true`.
 * - A self-parent, or the edge of the earliest visit in a cycle, is dropped; that visit becomes a root
 *   (`broken`) and the edge is listed in `rejected`.
 * - A page view whose parent is a page view of the same visitor on the same path is a revisit (a reload reads back
 *   the token the tracker wrote into the address), not a share: it is folded into that parent, which takes its
 *   children and shares, and counted in `revisits`.
 * - preview/share rows attach to the visit that minted their token as `shares`.
 *
 * Times are ms since the epoch. Iterative throughout (no recursion); O(n log n) for the time sort.
 */
export function buildCascadeForest(visits: readonly CascadeVisit[]): CascadeForest {
  const rows: CascadeVisit[] = [];
  const shareRows: CascadeVisit[] = [];
  let ignored = 0;
  for (const visit of visits) {
    if (SHARE_TYPES.has(visit.type)) shareRows.push(visit);
    else if (NODE_TYPES.has(visit.type) && visit.token !== '') rows.push(visit);
    else ignored++;
  }

  const ownerOf = findOwners(rows);
  const duplicates: DuplicateToken[] = [];
  rows.forEach((row, i) => {
    const owner = ownerOf.get(row.token)!;
    if (owner !== i) duplicates.push({ token: row.token, ownerTs: rows[owner].ts, ts: row.ts });
  });

  const { parentOf, brokenOf, missingParentOf } = linkParents(rows, ownerOf);
  breakCycles(rows, parentOf, brokenOf);
  const rejected = [...brokenOf.values()];

  const keptAs = foldRevisits(rows, parentOf);
  let revisits = 0;
  const nodes = rows.map((row, i) => toNode(row, ownerOf.get(row.token) !== i));
  // Visiting in time order fills every children array already sorted by (ts, token).
  const order = rows.map((_, i) => i).sort((a, b) => compareRows(rows, a, b));
  const roots: number[] = [];
  for (const i of order) {
    if (keptAs[i] !== i) {
      revisits++;
      continue;
    }
    const p = parentOf[i] === NO_PARENT ? NO_PARENT : keptAs[parentOf[i]];
    if (p === NO_PARENT) roots.push(i);
    else {
      nodes[i].parentToken = rows[p].token;
      nodes[p].children.push(nodes[i]);
    }
  }

  let unattachedShares = 0;
  shareRows.sort((a, b) => a.ts - b.ts || (a.platform < b.platform ? -1 : a.platform > b.platform ? 1 : 0));
  for (const share of shareRows) {
    const owner = ownerOf.get(share.token);
    if (owner === undefined) unattachedShares++;
    else nodes[keptAs[owner]].shares.push({ platform: share.platform, ts: share.ts });
  }

  const cascades: Cascade[] = roots.map((i) => {
    const root = nodes[i];
    for (const node of listCascadeNodes(root)) {
      for (const child of node.children) child.generation = node.generation + 1;
    }
    const missingParent = missingParentOf.get(i) ?? null;
    return { ...measureCascade(root), root, orphan: missingParent !== null, missingParent, broken: brokenOf.get(i) ?? null };
  });

  return { cascades, rejected, duplicates, unattachedShares, ignored, revisits };
}

/**
 * Builds the share-cascade trees from visit rows (see {@link buildCascadeForest} for the rules),
 * ordered by root time (ms since the epoch), then root token.
 */
export function buildCascades(visits: readonly CascadeVisit[]): Cascade[] {
  return buildCascadeForest(visits).cascades;
}

/** token → index of the visit that owns it: the earliest (ties: the first row). */
function findOwners(rows: readonly CascadeVisit[]): Map<string, number> {
  const ownerOf = new Map<string, number>();
  rows.forEach((row, i) => {
    const current = ownerOf.get(row.token);
    if (current === undefined || row.ts < rows[current].ts) ownerOf.set(row.token, i);
  });
  return ownerOf;
}

/** Resolves each visit's parent token to the owning visit's index; refuses self-parents, notes orphans. */
function linkParents(rows: readonly CascadeVisit[], ownerOf: ReadonlyMap<string, number>) {
  const parentOf = new Int32Array(rows.length).fill(NO_PARENT);
  const brokenOf = new Map<number, RejectedEdge>();
  const missingParentOf = new Map<number, string>();
  rows.forEach((row, i) => {
    const parent = row.parent;
    if (parent === null || parent === '') return;
    if (parent === row.token) {
      brokenOf.set(i, { token: row.token, parent, reason: 'self_parent' });
      return;
    }
    const p = ownerOf.get(parent);
    if (p === undefined) missingParentOf.set(i, parent);
    else parentOf[i] = p;
  });
  return { parentOf, brokenOf, missingParentOf };
}

/**
 * Finds every cycle of parent edges and drops the edge of its earliest visit (ties: smallest token), so
 * that visit roots what was the cycle; the refused edge goes into `brokenOf`. Each visit is walked once: O(n).
 */
function breakCycles(rows: readonly CascadeVisit[], parentOf: Int32Array, brokenOf: Map<number, RejectedEdge>): void {
  const UNSEEN = 0, ON_PATH = 1, DONE = 2;
  const state = new Uint8Array(rows.length);
  const path: number[] = [];
  for (let start = 0; start < rows.length; start++) {
    if (state[start] !== UNSEEN) continue;
    path.length = 0;
    let j = start;
    while (j !== NO_PARENT && state[j] === UNSEEN) {
      state[j] = ON_PATH;
      path.push(j);
      j = parentOf[j];
    }
    if (j !== NO_PARENT && state[j] === ON_PATH) {
      let breaker = j;
      for (let k = path.indexOf(j); k < path.length; k++) {
        if (compareRows(rows, path[k], breaker) < 0) breaker = path[k];
      }
      brokenOf.set(breaker, { token: rows[breaker].token, parent: rows[parentOf[breaker]].token, reason: 'cycle' });
      parentOf[breaker] = NO_PARENT;
    }
    for (const k of path) state[k] = DONE;
  }
}

/**
 * For each visit, the visit it is kept as: itself, or for a revisit (a page view whose parent is a page view of the
 * same visitor and path) the nearest ancestor that is not one. Parents form a forest here (cycles are broken); each
 * chain of revisits is walked once and every visit on it remembers the answer: O(n).
 */
function foldRevisits(rows: readonly CascadeVisit[], parentOf: Int32Array): Int32Array {
  const keptAs = new Int32Array(rows.length).fill(NO_PARENT);
  const isRevisit = (i: number) => {
    const p = parentOf[i];
    if (p === NO_PARENT) return false;
    const row = rows[i], parent = rows[p];
    return row.type === 'pageview' && parent.type === 'pageview' && row.visitor !== null && row.visitor === parent.visitor
      && (row.path ?? null) !== null && row.path === parent.path;
  };
  const chain: number[] = [];
  for (let start = 0; start < rows.length; start++) {
    let j = start;
    chain.length = 0;
    while (keptAs[j] === NO_PARENT && isRevisit(j)) {
      chain.push(j);
      j = parentOf[j];
    }
    const kept = keptAs[j] === NO_PARENT ? j : keptAs[j];
    keptAs[j] = kept;
    for (const k of chain) keptAs[k] = kept;
  }
  return keptAs;
}

/** Orders visits by time, then token, then row position: deterministic whatever the input order. */
function compareRows(rows: readonly CascadeVisit[], a: number, b: number): number {
  const ra = rows[a], rb = rows[b];
  if (ra.ts !== rb.ts) return ra.ts - rb.ts;
  if (ra.token !== rb.token) return ra.token < rb.token ? -1 : 1;
  return a - b;
}

function toNode(row: CascadeVisit, duplicate: boolean): CascadeNode {
  return {
    token: row.token,
    parentToken: null,
    ts: row.ts,
    type: row.type as CascadeNodeType,
    platform: row.platform,
    visitor: row.visitor,
    country: row.country ?? null,
    linkId: row.linkId ?? null,
    siteId: row.siteId ?? null,
    generation: 0,
    duplicate,
    children: [],
    shares: [],
  };
}
