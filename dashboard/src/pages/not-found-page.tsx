// An unknown /app/ path.
import { PageHeader } from '../components/page-header';
import { AppLink } from '../router/app-link';
import { appPath } from '../router/history';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>There is no page at this address. <AppLink href={appPath('/')}>Go to the overview</AppLink>.</p>
    </>
  );
}
