// Shapes of share cascades: the visit rows that go in, the trees, metrics and reports that come out.

/** Event types whose rows are visits in a tree (they mint a token that later visits can name as parent). */
export type CascadeNodeType = 'click' | 'pageview' | 'join';

/** Event types that are shares of a visit's link: attached to that visit, never nodes themselves. */
export type CascadeShareType = 'preview' | 'share';

/** One event row as the cascade builder reads it. */
export interface CascadeVisit {
  /** Share token minted for this visit (for preview/share: the token of the visit whose link was shared). */
  token: string;
  /** Token the visit arrived with; null for a first visit. */
  parent: string | null;
  /** When it happened, ms since the Unix epoch, UTC. */
  ts: number;
  /** Only click/pageview/join become nodes; preview/share attach to a node; copy/conversion are ignored. */
  type: 'click' | 'pageview' | 'preview' | 'share' | 'join' | 'copy' | 'conversion';
  /** Platform this visit came from or, for preview/share, the platform it was shared into. */
  platform: string;
  /** Daily visitor hash, used only to count reach; null when unknown. */
  visitor: string | null;
  country?: string | null;
  linkId?: string | null;
  siteId?: string | null;
  /** Page path of a pageview: with the visitor, tells a reload (the tracker's own token read back) from a share. */
  path?: string | null;
}

/** A share of a node's link into a platform (a preview fetch or an explicit share). */
export interface CascadeShare {
  platform: string;
  /** ms since the Unix epoch, UTC. */
  ts: number;
}

/** One visit in a tree. Children and shares are sorted by time, then token. */
export interface CascadeNode {
  token: string;
  /** Token of the parent kept in the tree; null for a root. */
  parentToken: string | null;
  /** ms since the Unix epoch, UTC. */
  ts: number;
  type: CascadeNodeType;
  platform: string;
  visitor: string | null;
  country: string | null;
  linkId: string | null;
  siteId: string | null;
  /** Generation below the root: the root is 0, its children 1, … */
  generation: number;
  /** True when an earlier visit already minted this token: the earlier one owns the token (and its children). */
  duplicate: boolean;
  children: CascadeNode[];
  shares: CascadeShare[];
}

/** Why a parent edge was dropped. */
export type RejectReason = 'self_parent' | 'cycle';

/** A parent edge refused by the builder: the visit became a root instead. */
export interface RejectedEdge {
  token: string;
  parent: string;
  reason: RejectReason;
}

/** A token minted by more than one visit. */
export interface DuplicateToken {
  token: string;
  /** ts of the visit that owns the token (the earliest), ms since the epoch. */
  ownerTs: number;
  /** ts of the later visit that minted it again, ms since the epoch. */
  ts: number;
}

/** Size, shape and spread of one tree. All times are ms since the epoch (UTC); durations are ms. */
export interface CascadeMetrics {
  rootToken: string;
  /** linkId of the root visit. */
  linkId: string | null;
  /** siteId of the root visit, else of its earliest child that has one (a click landing on a tracked site). */
  siteId: string | null;
  /** Number of visits (nodes). */
  size: number;
  /** Generations below the root: a lone root is 0, root → child → grandchild is 2. */
  depth: number;
  /** breadth[g] = number of visits in generation g; length depth + 1. */
  breadth: number[];
  /** Distinct platforms of the visits and of their shares, sorted. */
  platforms: string[];
  /** Distinct non-null visitor hashes (daily hashes: one person on two days counts twice). */
  reach: number;
  /** Median time from a parent visit to its child's, ms (negative clock skew counts as 0); null with no edges. */
  medianDelayMs: number | null;
  /** Mean number of children per visit over the whole tree: (size - 1) / size. */
  kFactor: number;
  /** kByGeneration[g] = mean number of children of a generation-g visit; length depth + 1 (the last is 0). */
  kByGeneration: number[];
  /** Number of shares (preview fetches and explicit shares) attached to the tree's visits. */
  shares: number;
  /** Earliest and latest visit or share, ms since the epoch. */
  firstTs: number;
  lastTs: number;
}

/** One tree with its metrics and how the builder found its root. */
export interface Cascade extends CascadeMetrics {
  root: CascadeNode;
  /** True when the root named a parent token that no visit minted (parent outside the data, or lost). */
  orphan: boolean;
  /** The parent token an orphan root named; null otherwise. */
  missingParent: string | null;
  /** Set when the root's own parent edge was refused (self-parent or cycle). */
  broken: RejectedEdge | null;
}

/** Everything the builder produced and everything it set aside, counted. */
export interface CascadeForest {
  /** Trees ordered by root time, then root token. */
  cascades: Cascade[];
  rejected: RejectedEdge[];
  duplicates: DuplicateToken[];
  /** Preview/share rows whose token no visit minted (or with an empty token). */
  unattachedShares: number;
  /** Rows that are not visits nor shares (copy, conversion), and visits with an empty token. */
  ignored: number;
  /** Page views folded into their parent: the same visitor on the same path (a reload or back/forward), not a share. */
  revisits: number;
}
