// A freshly created API key, shown this once with a copy button.
import type { CreatedApiKey } from '../api/types';
import { CopyButton } from './copy-button';

export function NewKeyNotice({ created, onDone }: { created: CreatedApiKey; onDone(): void }) {
  return (
    <div className="notice notice-success new-key" role="status">
      <p><strong>Key “{created.name}” created.</strong> Copy it now: Lantern shows it only once.</p>
      <div className="snippet">
        <code data-testid="new-api-key">{created.key}</code>
        <CopyButton text={created.key} what="new API key" />
      </div>
      <button type="button" className="button button-small" onClick={onDone}>I have copied it</button>
    </div>
  );
}
