// Lantern's mark: a small lantern with an amber flame.

export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#1e222b" />
      <path d="M12 7h8M13 7v3h6V7M11 10h10l-1.5 13h-7z" fill="none" stroke="#f5a524" strokeWidth="2" strokeLinejoin="round" />
      <circle cx="16" cy="17" r="3" fill="#f5a524" />
      <path d="M12 26h8" stroke="#f5a524" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
