// A calm placeholder while data loads; announced politely to screen readers.

export function LoadingState({ label = 'Loading…', height }: { label?: string; height?: number }) {
  return (
    <div className="loading-state" role="status" style={height ? { minHeight: height } : undefined}>
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
