// Workspace-scoped CRUD over one table, driven by a column map: written once for every simple resource and dialect.
import { AppError } from '../../errors.js';
import type { Page } from '../types.js';
import type { SqlClient } from './sql-client.js';

export type ColumnType = 'text' | 'int' | 'real' | 'bool' | 'json';
export type ColumnMap<T> = { readonly [K in keyof T]-?: readonly [column: string, type: ColumnType] };

type Row = Record<string, unknown>;

function toSql(value: unknown, type: ColumnType): unknown {
  if (value === undefined || value === null) return null;
  if (type === 'bool') return value ? 1 : 0;
  if (type === 'json') return JSON.stringify(value);
  return value;
}

function fromSql(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return type === 'json' ? [] : null;
  if (type === 'bool') return value === 1;
  if (type === 'json') return JSON.parse(String(value));
  return value;
}

/** A table of resources that each belong to one workspace (column `workspace_id`, key `id`). */
export class EntityTable<T extends { id: string; workspaceId: string; createdAt: number }> {
  private readonly fields: (keyof T)[];

  constructor(private readonly sql: SqlClient, readonly table: string, private readonly columns: ColumnMap<T>) {
    this.fields = Object.keys(columns) as (keyof T)[];
  }

  fromRow(row: Row): T {
    const out: Partial<Record<keyof T, unknown>> = {};
    for (const field of this.fields) {
      const [column, type] = this.columns[field];
      out[field] = fromSql(row[column], type);
    }
    return out as T;
  }

  async insert(entity: T, sql: SqlClient = this.sql): Promise<T> {
    const cols = this.fields.map((f) => this.columns[f][0]);
    const values = this.fields.map((f) => toSql(entity[f], this.columns[f][1]));
    await sql.run(`INSERT INTO ${this.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, values);
    return entity;
  }

  async get(workspaceId: string, id: string, sql: SqlClient = this.sql): Promise<T | null> {
    const row = await sql.get(`SELECT * FROM ${this.table} WHERE workspace_id = ? AND id = ?`, [workspaceId, id]);
    return row ? this.fromRow(row) : null;
  }

  /** Lists newest first; the cursor is opaque (created_at and id of the last item). */
  async list(workspaceId: string, limit: number, cursor: string | null, where = '', params: unknown[] = []): Promise<Page<T>> {
    let after = '';
    const args: unknown[] = [workspaceId, ...params];
    if (cursor) {
      const [ts, id] = decodeCursor(cursor);
      after = ' AND (created_at < ? OR (created_at = ? AND id < ?))';
      args.push(ts, ts, id);
    }
    const rows = await this.sql.all(`SELECT * FROM ${this.table} WHERE workspace_id = ?${where}${after} ORDER BY created_at DESC, id DESC LIMIT ?`,
      [...args, limit + 1]);
    const items = rows.slice(0, limit).map((r) => this.fromRow(r));
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
  }

  async update(workspaceId: string, id: string, patch: Partial<T>, sql: SqlClient = this.sql): Promise<T | null> {
    const keys = (Object.keys(patch) as (keyof T)[]).filter((k) => patch[k] !== undefined && k in this.columns && k !== 'id' && k !== 'workspaceId');
    if (keys.length > 0) {
      const sets = keys.map((k) => `${this.columns[k][0]} = ?`).join(', ');
      const values = keys.map((k) => toSql(patch[k], this.columns[k][1]));
      await sql.run(`UPDATE ${this.table} SET ${sets} WHERE workspace_id = ? AND id = ?`, [...values, workspaceId, id]);
    }
    return this.get(workspaceId, id, sql);
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    return (await this.sql.run(`DELETE FROM ${this.table} WHERE workspace_id = ? AND id = ?`, [workspaceId, id])) > 0;
  }

  async exists(workspaceId: string, id: string): Promise<boolean> {
    return (await this.sql.get(`SELECT 1 AS one FROM ${this.table} WHERE workspace_id = ? AND id = ?`, [workspaceId, id])) !== undefined;
  }

  /** Names of the given ids in this workspace (for breakdown rows). */
  async names(workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (ids.length === 0) return out;
    const nameCol = 'name' in this.columns ? 'name' : 'slug';
    const rows = await this.sql.all<{ id: string; name: string }>(
      `SELECT id, ${nameCol} AS name FROM ${this.table} WHERE workspace_id = ? AND id IN (${ids.map(() => '?').join(',')})`, [workspaceId, ...ids]);
    for (const r of rows) out.set(r.id, r.name);
    return out;
  }
}

function encodeCursor(ts: number, id: string): string {
  return Buffer.from(`${ts}:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): [number, string] {
  const [ts, id] = Buffer.from(cursor, 'base64url').toString().split(':');
  if (!id || !/^\d+$/.test(ts ?? '')) throw new AppError('validation_failed', `invalid cursor ${JSON.stringify(cursor)}`, { details: { cursor } });
  return [Number(ts), id];
}
