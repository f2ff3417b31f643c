// Settings: tracked sites and their snippet, API keys, webhooks.
import { KeysSection } from '../components/keys-section';
import { PageHeader } from '../components/page-header';
import { SitesSection } from '../components/sites-section';
import { WebhooksSection } from '../components/webhooks-section';

export function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" subtitle="Connect your sites, scripts and alert channels." />
      <div className="settings-stack">
        <SitesSection />
        <KeysSection />
        <WebhooksSection />
      </div>
    </>
  );
}
