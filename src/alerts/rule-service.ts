// Alert rules: validation of scope, target, metric and kind together, CRUD, and each workspace's default rules.
import { AppError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { MetaStore } from '../store/index.js';
import type { Page } from '../store/types.js';
import { PLATFORMS } from '../vocabulary.js';
import type { AlertTables } from './alert-tables.js';
import type { AlertRule, QuietHours, RuleMetric, RuleScope } from './alert-types.js';
import type { AlertKind, Sensitivity } from './detectors/index.js';
import { validateQuietHours } from './quiet-hours.js';

export interface RuleInput {
  scope?: RuleScope; target?: string | null; metric?: RuleMetric; kind?: AlertKind; sensitivity?: Sensitivity;
  quietHours?: QuietHours | null; channels?: string[]; enabled?: boolean;
}

/** Which metrics and scopes each kind of rule accepts, and its metric when none is given. */
export const RULE_SHAPES: Readonly<Record<AlertKind, { metrics: readonly RuleMetric[]; scopes: readonly RuleScope[]; metric: RuleMetric }>> = {
  surge: { metrics: ['shares', 'visits', 'ratio'], scopes: ['workspace', 'link', 'site', 'community', 'platform'], metric: 'shares' },
  drop: { metrics: ['shares', 'visits'], scopes: ['workspace', 'link', 'site', 'community', 'platform'], metric: 'visits' },
  new_platform: { metrics: ['shares'], scopes: ['workspace', 'link', 'site', 'community'], metric: 'shares' },
  community_surge: { metrics: ['shares', 'visits'], scopes: ['workspace', 'community'], metric: 'visits' },
};

/** Every workspace starts with these (created the first time its rules are read or the scheduler runs). */
export const DEFAULT_RULES: readonly Pick<AlertRule, 'scope' | 'metric' | 'kind'>[] = [
  { scope: 'workspace', metric: 'shares', kind: 'surge' },
  { scope: 'workspace', metric: 'visits', kind: 'surge' },
  { scope: 'link', metric: 'shares', kind: 'new_platform' },
  { scope: 'workspace', metric: 'visits', kind: 'community_surge' },
  { scope: 'workspace', metric: 'visits', kind: 'drop' },
];

export class RuleService {
  constructor(private readonly tables: AlertTables, private readonly meta: MetaStore, private readonly now: () => number) {}

  /** Creates the default rules once per workspace (once across nodes too); deleting them later does not bring them back. */
  async ensureDefaults(workspaceId: string): Promise<void> {
    // The usual case, read without a write transaction: the scheduler asks for every workspace every minute.
    if (await this.tables.sql.get('SELECT 1 AS one FROM alert_rule_defaults WHERE workspace_id = ?', [workspaceId])) return;
    const now = this.now();
    await this.tables.sql.transaction(async (tx) => {
      const marked = await tx.run('INSERT INTO alert_rule_defaults (workspace_id, created_at) VALUES (?, ?) ON CONFLICT (workspace_id) DO NOTHING', [workspaceId, now]);
      if (marked === 0) return;
      for (const [i, r] of DEFAULT_RULES.entries()) {
        await this.tables.rules.insert({
          ...r, id: newId('rul'), workspaceId, target: null, sensitivity: 'medium', quietStart: null, quietEnd: null, quietTz: null,
          channels: [], enabled: true, isDefault: true, createdAt: now - i, updatedAt: now - i,
        }, tx);
      }
    });
  }

  async list(workspaceId: string, limit: number, cursor: string | null): Promise<Page<AlertRule>> {
    await this.ensureDefaults(workspaceId);
    return this.tables.rules.list(workspaceId, limit, cursor);
  }

  /** Enabled rules of a workspace, oldest first (the scheduler's view). */
  async enabled(workspaceId: string): Promise<AlertRule[]> {
    await this.ensureDefaults(workspaceId);
    const rows = await this.tables.sql.all('SELECT * FROM alert_rules WHERE workspace_id = ? AND enabled = 1 ORDER BY created_at, id', [workspaceId]);
    return rows.map((r) => this.tables.rules.fromRow(r));
  }

  /** @throws AppError not_found (also for another workspace's rule). */
  async get(workspaceId: string, id: string): Promise<AlertRule> {
    return (await this.tables.rules.get(workspaceId, id)) ?? notFound('alert rule', id);
  }

  /** @throws AppError validation_failed / invalid_timezone (bad combination or field), unprocessable (unknown target or webhook). */
  async create(workspaceId: string, input: RuleInput & { kind: AlertKind }): Promise<AlertRule> {
    await this.ensureDefaults(workspaceId);
    const now = this.now();
    const base: AlertRule = {
      id: newId('rul'), workspaceId, scope: 'workspace', target: null, metric: RULE_SHAPES[input.kind].metric, kind: input.kind,
      sensitivity: 'medium', quietStart: null, quietEnd: null, quietTz: null, channels: [], enabled: true, isDefault: false, createdAt: now, updatedAt: now,
    };
    return this.tables.rules.insert(await this.merge(base, input));
  }

  /** Applies a partial update and re-checks the whole rule. @throws like {@link create}, and not_found. */
  async update(workspaceId: string, id: string, input: RuleInput): Promise<AlertRule> {
    const merged = await this.merge(await this.get(workspaceId, id), input);
    return (await this.tables.rules.update(workspaceId, id, { ...merged, updatedAt: this.now() })) ?? notFound('alert rule', id);
  }

  /** @throws AppError not_found. */
  async delete(workspaceId: string, id: string): Promise<void> {
    if (!(await this.tables.rules.delete(workspaceId, id))) notFound('alert rule', id);
  }

  private async merge(rule: AlertRule, input: RuleInput): Promise<AlertRule> {
    const kindChanged = input.kind !== undefined && input.kind !== rule.kind;
    const next: AlertRule = {
      ...rule,
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.scope !== undefined && { scope: input.scope }),
      ...(input.target !== undefined && { target: input.target }),
      ...(input.sensitivity !== undefined && { sensitivity: input.sensitivity }),
      ...(input.channels !== undefined && { channels: [...new Set(input.channels)] }),
      ...(input.enabled !== undefined && { enabled: input.enabled }),
    };
    next.metric = input.metric ?? (kindChanged && !RULE_SHAPES[next.kind].metrics.includes(rule.metric) ? RULE_SHAPES[next.kind].metric : rule.metric);
    if (input.quietHours !== undefined) {
      const q = input.quietHours === null ? null : validateQuietHours(input.quietHours);
      Object.assign(next, { quietStart: q?.start ?? null, quietEnd: q?.end ?? null, quietTz: q?.tz ?? null });
    }
    await this.check(next);
    return next;
  }

  private async check(rule: AlertRule): Promise<void> {
    const shape = RULE_SHAPES[rule.kind];
    if (!shape.metrics.includes(rule.metric)) {
      throw new AppError('validation_failed', `metric ${JSON.stringify(rule.metric)} does not work with kind ${JSON.stringify(rule.kind)}; use ${shape.metrics.join(' or ')}`, { details: { field: 'metric' } });
    }
    if (!shape.scopes.includes(rule.scope)) {
      throw new AppError('validation_failed', `scope ${JSON.stringify(rule.scope)} does not work with kind ${JSON.stringify(rule.kind)}; use ${shape.scopes.join(', ')}`, { details: { field: 'scope' } });
    }
    const ws = rule.workspaceId;
    const target = rule.target;
    if (target !== null) {
      const table = { link: this.meta.links, site: this.meta.sites, community: this.meta.communities }[rule.scope as 'link'];
      if (rule.scope === 'workspace') throw new AppError('validation_failed', 'a workspace rule takes no target', { details: { field: 'target' } });
      if (rule.scope === 'platform' && !(PLATFORMS as readonly string[]).includes(target)) {
        throw new AppError('validation_failed', `target ${JSON.stringify(target)} is not a platform; use one of ${PLATFORMS.join(', ')}`, { details: { field: 'target' } });
      }
      if (table && !(await table.exists(ws, target))) {
        throw new AppError('unprocessable', `${rule.scope} ${JSON.stringify(target)} does not exist in this workspace`, { details: { field: 'target', id: target } });
      }
    }
    for (const id of rule.channels) {
      if (!(await this.tables.webhooks.exists(ws, id))) throw new AppError('unprocessable', `webhook ${JSON.stringify(id)} does not exist in this workspace`, { details: { field: 'channels', id } });
    }
  }
}
