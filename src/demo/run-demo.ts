// `lantern demo`: creates the demo brand's resources through the services and records a simulated month of events.
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import { buildEvent } from '../ingest/build-event.js';
import { mintShareToken } from '../links/share-token.js';
import type { Services } from '../services.js';
import type { Link, StoredEvent, Workspace } from '../store/types.js';
import { DAY } from './demo-audience.js';
import { simulateMonth, type DemoLink, type DemoMonth } from './simulate.js';

/** Events recorded per batch; the batch's acknowledgements are awaited before the next, so the event loop keeps turning. */
const BATCH = 2_000;
const fmt = (n: number) => n.toLocaleString('en-US');

function settingKey(workspaceId: string): string {
  return `demo:${workspaceId}`;
}

/** Keys of the simulation → ids of the resources created for it, per kind (a link and a community may share a key). */
interface IdMap { campaign: Map<string, string>; community: Map<string, string>; ambassador: Map<string, string>; link: Map<string, string>; site: Map<string, string> }

async function createResources(s: Services, ws: Workspace, month: DemoMonth, at: number): Promise<{ ids: IdMap; links: Link[] }> {
  const meta = s.stores.meta;
  const ids: IdMap = { campaign: new Map(), community: new Map(), ambassador: new Map(), link: new Map(), site: new Map() };
  const stamp = { workspaceId: ws.id, createdAt: at, updatedAt: at };
  for (const c of month.campaigns) {
    ids.campaign.set(c.key, (await meta.campaigns.insert({ ...stamp, id: newId('cmp'), name: c.name, startsAt: c.startsAt, endsAt: c.endsAt, goal: c.goal })).id);
  }
  for (const c of month.communities) {
    ids.community.set(c.key, (await meta.communities.insert({
      ...stamp, id: newId('com'), name: c.name, platform: c.platform, region: c.region, members: c.members, inviteUrl: c.inviteUrl, tags: c.tags,
    })).id);
  }
  for (const a of month.ambassadors) {
    ids.ambassador.set(a.key, (await meta.ambassadors.insert({
      ...stamp, id: newId('amb'), name: a.name, communityId: a.community ? ids.community.get(a.community)! : null, contact: a.contact,
    })).id);
  }
  ids.site.set(month.site.key, (await meta.sites.insert({ ...stamp, id: newId('site'), domain: month.site.domain, name: month.site.name })).id);
  const links: Link[] = [];
  for (const l of month.links) {
    const link = await createLink(s, ws, l, ids, at);
    ids.link.set(l.key, link.id);
    links.push(link);
  }
  return { ids, links };
}

/** Creates a link with its demo slug, or `slug-2`, `slug-3`… when another workspace of this instance took it. */
async function createLink(s: Services, ws: Workspace, l: DemoLink, ids: IdMap, at: number): Promise<Link> {
  const ref = (map: Map<string, string>, key: string | null) => (key ? map.get(key)! : null);
  const input = {
    url: l.url, title: l.title, description: l.description, kind: l.kind, tags: l.tags,
    community: ref(ids.community, l.community), ambassador: ref(ids.ambassador, l.ambassador), campaign: ref(ids.campaign, l.campaign),
  };
  for (let n = 1; ; n++) {
    try {
      return await s.links.create(ws.id, { ...input, slug: n === 1 ? l.slug : n <= 20 ? `${l.slug}-${n}` : undefined }, at);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'slug_taken') || n > 20) throw err;
    }
  }
}

/** Real events from the simulated ones: resource ids in place of keys, and fresh random share tokens. */
function toStoredEvents(month: DemoMonth, workspaceId: string, ids: IdMap): StoredEvent[] {
  // The simulation's tokens come from a seeded generator: the same seed repeats them, so each run mints its own.
  const tokens = new Map<string, string>();
  const token = (t: string | null) => {
    if (t === null) return null;
    let real = tokens.get(t);
    if (real === undefined) tokens.set(t, (real = mintShareToken()));
    return real;
  };
  const id = (map: Map<string, string>, key: string | null) => (key === null ? null : map.get(key) ?? null);
  return month.events.map((e) => buildEvent({
    ...e, workspaceId, linkId: id(ids.link, e.linkId), siteId: id(ids.site, e.siteId), communityId: id(ids.community, e.communityId),
    ambassadorId: id(ids.ambassador, e.ambassadorId), campaignId: id(ids.campaign, e.campaignId), token: token(e.token), parent: token(e.parent),
  }));
}

async function recordAll(s: Services, events: StoredEvent[], print: (line: string) => void): Promise<void> {
  let nextReport = 0.1;
  for (let i = 0; i < events.length; i += BATCH) {
    const batch = events.slice(i, i + BATCH);
    await Promise.all(batch.map((e) => s.ingest.recordAsync(e)));
    const done = i + batch.length;
    if (done / events.length >= nextReport || done === events.length) {
      print(`demo: ${fmt(done)} / ${fmt(events.length)} events`);
      while (nextReport <= done / events.length) nextReport += 0.1;
    }
  }
}

/**
 * Fills `workspace` with the demo brand: a site, 5 communities, 5 ambassadors, 2 campaigns, 13 tracked links and a
 * simulated month of activity ending now (about 30,000 events), then prints a summary. Runs once per workspace: a
 * second run prints that the demo is already there and records nothing (returns zero counts).
 * @throws AppError when a resource cannot be created; the event log's write error when recording fails.
 */
export async function runDemo(s: Services, workspace: Workspace, print: (line: string) => void, seed = 42): Promise<{ events: number; links: number }> {
  const previous = await s.stores.meta.getSetting(settingKey(workspace.id));
  if (previous !== null) {
    const ranAt = (JSON.parse(previous) as { at?: number }).at;
    print(`demo: workspace ${workspace.slug} already has the demo data (added ${ranAt ? new Date(ranAt).toISOString() : 'earlier'}); skipping. ` +
      'Use a fresh --data-dir to run it again.');
    return { events: 0, links: 0 };
  }
  const started = performance.now();
  const end = s.now();
  const month = simulateMonth({ seed, start: end - 30 * DAY, end });
  const { ids, links } = await createResources(s, workspace, month, month.start - DAY);
  print(`demo: created ${month.communities.length} communities, ${month.ambassadors.length} ambassadors, ${month.campaigns.length} campaigns, ` +
    `${links.length} links and the site ${month.site.domain} in workspace ${workspace.slug}`);
  const events = toStoredEvents(month, workspace.id, ids);
  await recordAll(s, events, print);
  await s.ingest.catchUp();
  await s.stores.meta.putSetting(settingKey(workspace.id), JSON.stringify({ at: end, seed, events: events.length }));

  const count = (type: StoredEvent['type']) => events.filter((e) => e.type === type).length;
  const revenue = events.reduce((sum, e) => sum + (e.type === 'conversion' ? e.value ?? 0 : 0), 0);
  const spikeCommunity = month.communities.find((c) => c.key === month.spike.community)!;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  print(`demo: recorded ${fmt(events.length)} events over 30 days in ${seconds} s: ${fmt(count('click'))} clicks, ${fmt(count('pageview'))} page views, ` +
    `${fmt(count('preview'))} previews, ${fmt(count('share') + count('copy'))} shares and copies, ${fmt(count('join'))} joins, ` +
    `${fmt(count('conversion'))} orders (${fmt(Math.round(revenue))} EUR), ${fmt(count('bot'))} bots`);
  print(`demo: a bad-buzz spike hit "${spikeCommunity.name}" on ${new Date(month.spike.from).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  print(`demo: open the dashboard at ${s.config.baseUrl}/app/ (run \`npx lantern start\` first if the server is not running)`);
  return { events: events.length, links: links.length };
}
