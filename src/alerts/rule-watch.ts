// Which watched series and which shared links or sites each rule looks at: pure matching on rule fields.
import type { AlertRule, RuleScope } from './alert-types.js';
import type { AggregateNeeds } from './minute-counts.js';

/** The rule fields detection needs. */
export type WatchRule = Pick<AlertRule, 'id' | 'scope' | 'target' | 'metric' | 'kind' | 'sensitivity'>;

/** Does `rule` evaluate the series (scope, target, metric) itself (surge, drop, ratio surge)? */
export function watchesSeries(rule: WatchRule, scope: RuleScope, target: string | null, metric: string): boolean {
  if (rule.kind !== 'surge' && rule.kind !== 'drop') return false;
  if (rule.scope !== scope || (rule.target !== null && rule.target !== target)) return false;
  return rule.metric === metric || (rule.metric === 'ratio' && (metric === 'shares' || metric === 'visits'));
}

/** Is the series a community (or the workspace total) that a community_surge rule compares? */
export function comparesCommunity(rule: WatchRule, scope: RuleScope, target: string | null, metric: string): boolean {
  if (rule.kind !== 'community_surge' || rule.metric !== metric) return false;
  if (scope === 'workspace') return true;
  return scope === 'community' && (rule.scope === 'workspace' || rule.target === null || rule.target === target);
}

/** Does some rule need a baseline for this series? */
export function needsSeries(rules: readonly WatchRule[], scope: RuleScope, target: string | null, metric: string): boolean {
  return rules.some((r) => watchesSeries(r, scope, target, metric) || comparesCommunity(r, scope, target, metric));
}

/** Does a new_platform rule cover a link or site (`owner` = `link:<id>` or `site:<id>`) in `community`? */
export function coversOwner(rule: WatchRule, owner: string, community: string | undefined): boolean {
  if (rule.kind !== 'new_platform') return false;
  const [type, id] = owner.split(':');
  if (rule.scope === 'workspace') return true;
  if (rule.scope === 'community') return community !== undefined && (rule.target === null || rule.target === community);
  return rule.scope === type && (rule.target === null || rule.target === id);
}

/**
 * The series scopes the rules read (community surges also read the workspace total). Platforms are tracked on every
 * live minute, new_platform rule or not, so that a rule added later does not announce platforms reached meanwhile.
 */
export function needsOf(rules: readonly WatchRule[], live: boolean): AggregateNeeds {
  const scopes = new Set<RuleScope>();
  for (const r of rules) {
    if (r.kind === 'community_surge') scopes.add('workspace').add('community');
    else if (r.kind !== 'new_platform') scopes.add(r.scope);
  }
  return { scopes, platforms: live };
}
