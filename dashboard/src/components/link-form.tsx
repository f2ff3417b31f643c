// Create or edit a tracked link, with a live preview of its chat card beside the form.
import { useState, type FormEvent } from 'react';
import type { Link, LinkInput } from '../api/types';
import { useDirectory } from '../hooks/use-directory';
import { useSubmit } from '../hooks/use-submit';
import { Field } from './field';
import { FormError } from './form-error';
import { LinkPreviewCard } from './link-preview-card';

interface LinkFormProps {
  /** The link being edited; absent when creating. */
  link?: Link;
  submitLabel: string;
  save(input: LinkInput): Promise<Link>;
  onSaved(link: Link): void;
  onCancel?: () => void;
}

interface Draft {
  url: string;
  slug: string;
  title: string;
  description: string;
  image: string;
  community: string;
  ambassador: string;
  campaign: string;
  tags: string;
  disabled: boolean;
}

function draftOf(link?: Link): Draft {
  return {
    url: link?.url ?? '',
    slug: link?.slug ?? '',
    title: link?.title ?? '',
    description: link?.description ?? '',
    image: link?.image ?? '',
    community: link?.community ?? '',
    ambassador: link?.ambassador ?? '',
    campaign: link?.campaign ?? '',
    tags: (link?.tags ?? []).join(', '),
    disabled: link?.disabled ?? false,
  };
}

/** A problem with the destination in words, or null when it is a usable http(s) URL. */
export function checkDestination(url: string): string | null {
  if (!url.trim()) return 'Enter the destination URL.';
  try {
    const { protocol } = new URL(url.trim());
    return protocol === 'http:' || protocol === 'https:' ? null : 'Only http:// and https:// destinations can be tracked.';
  } catch {
    return 'The destination must be a full URL, such as https://example.com/page.';
  }
}

/** The request body: on create only the fields filled in; on edit only what changed (null clears a field). */
export function toLinkInput(draft: Draft, original?: Link): LinkInput {
  const text = (value: string) => value.trim();
  const tags = draft.tags.split(',').map((t) => t.trim()).filter(Boolean);
  if (!original) {
    const input: LinkInput = { url: text(draft.url) };
    if (text(draft.slug)) input.slug = text(draft.slug);
    if (text(draft.title)) input.title = text(draft.title);
    if (text(draft.description)) input.description = text(draft.description);
    if (text(draft.image)) input.image = text(draft.image);
    if (draft.community) input.community = draft.community;
    if (draft.ambassador) input.ambassador = draft.ambassador;
    if (draft.campaign) input.campaign = draft.campaign;
    if (tags.length) input.tags = tags;
    return input;
  }
  const before = draftOf(original);
  const changes: Record<string, unknown> = {};
  for (const key of ['url', 'slug', 'title', 'description', 'image', 'community', 'ambassador', 'campaign'] as const) {
    if (text(draft[key]) !== text(before[key])) changes[key] = text(draft[key]) || null;
  }
  if (draft.tags !== before.tags) changes.tags = tags;
  if (draft.disabled !== before.disabled) changes.disabled = draft.disabled;
  return { url: text(draft.url), ...changes } as LinkInput;
}

export function LinkForm({ link, submitLabel, save, onSaved, onCancel }: LinkFormProps) {
  const directory = useDirectory();
  const [draft, setDraft] = useState<Draft>(() => draftOf(link));
  const { busy, error, setError, run } = useSubmit();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = checkDestination(draft.url);
    if (problem) return setError(problem);
    await run(async () => onSaved(await save(toLinkInput(draft, link))), { leavesForm: true });
  }

  return (
    <div className="link-editor">
      <form className="form" onSubmit={submit} aria-label={link ? 'Edit link' : 'New link'}>
        <Field label="Destination URL" hint="Where people land. Only http:// and https:// addresses.">
          <input type="url" required inputMode="url" placeholder="https://example.com/spring-sale" value={draft.url} onChange={(e) => set('url', e.target.value)} />
        </Field>
        <Field label="Slug (optional)" hint="The short link's path. Left empty, Lantern picks one.">
          <input type="text" pattern="[A-Za-z0-9_\-]*" value={draft.slug} onChange={(e) => set('slug', e.target.value)} disabled={Boolean(link)} />
        </Field>
        <Field label="Preview title (optional)">
          <input type="text" maxLength={200} value={draft.title} onChange={(e) => set('title', e.target.value)} />
        </Field>
        <Field label="Preview description (optional)">
          <textarea rows={3} maxLength={500} value={draft.description} onChange={(e) => set('description', e.target.value)} />
        </Field>
        <Field label="Preview image URL (optional)">
          <input type="url" inputMode="url" placeholder="https://example.com/card.jpg" value={draft.image} onChange={(e) => set('image', e.target.value)} />
        </Field>
        <div className="form-row">
          <Field label="Community">
            <select value={draft.community} onChange={(e) => set('community', e.target.value)}>
              <option value="">None</option>
              {directory.communities.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </Field>
          <Field label="Ambassador">
            <select value={draft.ambassador} onChange={(e) => set('ambassador', e.target.value)}>
              <option value="">None</option>
              {directory.ambassadors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
          </Field>
          <Field label="Campaign">
            <select value={draft.campaign} onChange={(e) => set('campaign', e.target.value)}>
              <option value="">None</option>
              {directory.campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </Field>
        </div>
        <Field label="Tags (optional)" hint="Separated by commas.">
          <input type="text" value={draft.tags} onChange={(e) => set('tags', e.target.value)} />
        </Field>
        {link ? (
          <label className="checkbox">
            <input type="checkbox" checked={draft.disabled} onChange={(e) => set('disabled', e.target.checked)} />
            <span>Disabled (the short link stops redirecting)</span>
          </label>
        ) : null}
        <FormError error={error} />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Saving…' : submitLabel}</button>
          {onCancel ? <button type="button" className="button button-ghost" onClick={onCancel}>Cancel</button> : null}
        </div>
      </form>
      <LinkPreviewCard url={draft.url} shortUrl={link?.shortUrl} title={draft.title} description={draft.description} image={draft.image} />
    </div>
  );
}
