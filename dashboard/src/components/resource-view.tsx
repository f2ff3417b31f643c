// Renders a useResource result: loading, error in words, empty, or the data.
import type { ReactNode } from 'react';
import type { Resource } from '../hooks/use-resource';
import { ErrorMessage } from './error-message';
import { LoadingState } from './loading-state';

interface ResourceViewProps<T> {
  resource: Resource<T>;
  children: (data: T) => ReactNode;
  /** Shown instead of children when the data counts as empty. */
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  loadingHeight?: number;
}

export function ResourceView<T>({ resource, children, empty, isEmpty, loadingHeight }: ResourceViewProps<T>) {
  if (resource.error) return <ErrorMessage error={resource.error} onRetry={resource.reload} />;
  if (resource.data === undefined) return <LoadingState height={loadingHeight} />;
  if (empty !== undefined && isEmpty?.(resource.data)) return <>{empty}</>;
  return (
    <div className={resource.loading ? 'is-refreshing' : undefined} aria-busy={resource.loading}>
      {children(resource.data)}
    </div>
  );
}
