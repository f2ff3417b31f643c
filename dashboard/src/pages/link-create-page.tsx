// New link: the form with its chat preview; on success, the new link's page.
import { LinkForm } from '../components/link-form';
import { PageHeader } from '../components/page-header';
import { AppLink } from '../router/app-link';
import { appPath, navigate } from '../router/history';
import { useCanEdit, useSession } from '../session/session-context';

export function LinkCreatePage() {
  const { api } = useSession();
  const canEdit = useCanEdit();
  return (
    <>
      <PageHeader title="New link" subtitle="A short link that shows where it is shared, even in private chats." />
      {canEdit ? (
        <div className="panel">
          <LinkForm
            submitLabel="Create link"
            save={(input) => api.createLink(input)}
            onSaved={(link) => navigate(`${appPath(`/links/${encodeURIComponent(link.id)}`)}?created=1`)}
            onCancel={() => navigate(appPath('/links'))}
          />
        </div>
      ) : (
        <p className="notice">Your role in this workspace can read links but not create them. <AppLink href={appPath('/links')}>Back to links</AppLink></p>
      )}
    </>
  );
}
