// Literal binding for ClickHouse 18.x and the LANTERN_CLICKHOUSE_URL parser: values checked, quotes escaped, bad config named.
import { describe, expect, test } from 'vitest';
import { ConfigError } from '../../config.js';
import { bindParams, pickParams, quoteString } from './bind-params.js';
import { DEFAULT_SPOOL_MAX_BYTES, eventsTableDdl, parseClickHouseUrl } from './open-clickhouse.js';

describe('bindParams', () => {
  test('binds strings, integers and floats by their declared type', () => {
    expect(bindParams('SELECT 1 WHERE a = {ws:String} AND ts >= {from:Int64} AND n < {limit:UInt32} AND v > {v:Float64}', { ws: 'ws_1', from: 1_700_000_000_000, limit: 50, v: 1.5 }))
      .toBe("SELECT 1 WHERE a = 'ws_1' AND ts >= 1700000000000 AND n < 50 AND v > 1.5");
  });

  test('a quote or backslash in a value cannot end the literal', () => {
    const sql = bindParams('SELECT {s:String}', { s: "x' OR 1=1 --\\" });
    expect(sql).toBe("SELECT 'x\\' OR 1=1 --\\\\'");
    expect(quoteString('a\nb\0')).toBe("'a\\nb\\0'");
  });

  test.each([
    ['a string for an integer', '{n:Int64}', { n: '1; DROP TABLE events' }],
    ['a fraction for an integer', '{n:Int64}', { n: 1.5 }],
    ['a negative unsigned', '{n:UInt32}', { n: -1 }],
    ['a number for a string', '{s:String}', { s: 5 }],
    ['a missing value', '{s:String}', {}],
    ['an unsupported type', '{d:Date}', { d: '2026-01-01' }],
  ])('refuses %s, naming the parameter', (_what, sql, params) => {
    expect(() => bindParams(sql, params)).toThrow(/query parameter [nsd]/);
  });

  test('arrays and nullables', () => {
    expect(bindParams('{ids:Array(String)} {x:Nullable(String)}', { ids: ['a', "b'"], x: null })).toBe("['a', 'b\\''] NULL");
  });

  test('pickParams sends only the parameters a query names', () => {
    expect(pickParams('SELECT {a:String}', { a: 'x', b: 'unused' })).toEqual({ a: 'x' });
  });
});

describe('parseClickHouseUrl', () => {
  test('user, password, database from the URL; defaults for the rest', () => {
    expect(parseClickHouseUrl('http://writer:s%40cret@ch.internal:8123/analytics')).toEqual({
      origin: 'http://ch.internal:8123', username: 'writer', password: 's@cret', database: 'analytics', table: 'events',
      engine: 'ReplacingMergeTree', spoolMaxBytes: DEFAULT_SPOOL_MAX_BYTES,
    });
    expect(parseClickHouseUrl('http://127.0.0.1:8123').database).toBe('lantern');
  });

  test('table, engine and spool bound from the query string', () => {
    const s = parseClickHouseUrl("http://h:8123/db?table=events_all&engine=ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/events','{replica}')&spool_max_bytes=1000");
    expect(s).toMatchObject({ table: 'events_all', engine: "ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/events','{replica}')", spoolMaxBytes: 1000 });
    expect(eventsTableDdl(s)).toContain('`db`.`events_all`');
  });

  test.each([
    ['ftp://h/db', /must start with http/],
    ['http://h:8123/my-db', /database must be/],
    ['http://h:8123/db?table=events;DROP', /table must be/],
    ['http://h:8123/db?engine=Log', /MergeTree-family/],
    ['http://h:8123/db?spool_max_bytes=lots', /spool_max_bytes/],
  ])('%s stops start-up with a line naming LANTERN_CLICKHOUSE_URL', (url, message) => {
    expect(() => parseClickHouseUrl(url)).toThrow(ConfigError);
    expect(() => parseClickHouseUrl(url)).toThrow(message);
    expect(() => parseClickHouseUrl(url)).toThrow(/^LANTERN_CLICKHOUSE_URL: /);
  });
});
