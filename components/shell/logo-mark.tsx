/**
 * The Hindsight mark: an arrow turning back over a single point in time. Same drawing as
 * public/favicon.svg. Decorative: it always sits next to the product name.
 */
export function LogoMark({ size = 20 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect width="24" height="24" rx="6" fill="var(--accent)" />
      <g transform="translate(0 1.5)">
        <g fill="none" stroke="var(--accent-on)" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
          <path d="M17.64 14.05A6 6 0 1 0 6.36 14.05" />
          <path d="M7.63 11.33 6.36 14.05 3.65 12.78" />
        </g>
        <circle cx="12" cy="12" r="1.75" fill="var(--accent-on)" />
      </g>
    </svg>
  );
}
