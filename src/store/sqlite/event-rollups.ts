// Keeps the hourly rollups (migration 4) in step with the events table: called inside the loader's insert transaction,
// so the rollups and the raw rows commit or roll back together and can never disagree.
import { COUNT_ROLLUPS, ROLLUP_MEASURES } from '../migrations/sqlite-0004-event-rollups.js';
import type { StoredEvent } from '../types.js';
import type { SqliteDb } from './open-database.js';

const HOUR_MS = 3600_000;
const MEASURE_NAMES = Object.keys(ROLLUP_MEASURES) as (keyof typeof ROLLUP_MEASURES)[];

type Value = string | number | null;

/** Event column → value, for the columns a rollup may keep. */
function columnsOf(e: StoredEvent): Record<string, string | null> {
  return {
    platform: e.platform, channel: e.channel, link_id: e.linkId, site_id: e.siteId, community_id: e.communityId,
    ambassador_id: e.ambassadorId, campaign_id: e.campaignId, country: e.country,
  };
}

/** One event's contribution to each measure, in MEASURE_NAMES order: ROLLUP_MEASURES in JavaScript. */
function measuresOf(e: StoredEvent): number[] {
  const visit = e.type === 'click' || e.type === 'pageview';
  const conversion = e.type === 'conversion';
  return [
    1, visit ? 1 : 0, e.type === 'preview' || e.type === 'share' ? 1 : 0, e.type === 'join' ? 1 : 0,
    conversion && (e.value ?? 0) >= 0 ? 1 : 0, conversion ? (e.value ?? 0) : 0, visit && e.channel === 'dark_social' ? 1 : 0, e.type === 'bot' ? 1 : 0,
  ];
}

/** Adds summed measures to a rollup's cells: update the cell if it exists, else insert it. */
function cellWriter(db: SqliteDb, table: string, dimensions: readonly string[]) {
  const match = ['workspace_id = ?', 'hour = ?', ...dimensions.map((d) => `${d} IS ?`)].join(' AND ');
  const update = db.prepare(`UPDATE ${table} SET ${MEASURE_NAMES.map((m) => `${m} = ${m} + ?`).join(', ')} WHERE ${match}`);
  const cols = [...MEASURE_NAMES, 'workspace_id', 'hour', ...dimensions];
  const insert = db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  return (measures: number[], key: Value[]) => {
    if (update.run(...measures, ...key).changes === 0) insert.run(...measures, ...key);
  };
}

/** Returns a function that adds a batch of stored events to every rollup. */
export function createRollupWriter(db: SqliteDb): (events: readonly StoredEvent[]) => void {
  const rollups = COUNT_ROLLUPS.map(({ table, dimensions }) => ({ dimensions, write: cellWriter(db, table, dimensions) }));

  return (events) => {
    // Sum the batch first: the loader's events mostly share an hour, so a batch touches few cells.
    const cells = rollups.map(() => new Map<string, { key: Value[]; measures: number[] }>());
    for (const e of events) {
      const hour = Math.floor(e.ts / HOUR_MS) * HOUR_MS;
      const columns = columnsOf(e);
      const measures = measuresOf(e);
      rollups.forEach(({ dimensions }, i) => {
        const key = [e.workspaceId, hour, ...dimensions.map((d) => columns[d])];
        const id = JSON.stringify(key);
        const cell = cells[i].get(id);
        if (cell) cell.measures.forEach((_, m) => (cell.measures[m] += measures[m]));
        else cells[i].set(id, { key, measures: [...measures] });
      });
    }
    rollups.forEach(({ write }, i) => {
      for (const { key, measures } of cells[i].values()) write(measures, key);
    });
  };
}
