/** The platform mark (a cloud holding a small network: "point to network") and optional wordmark. */
export function BrandLogo({
  size = 32,
  withName,
  name,
}: {
  size?: number;
  withName?: boolean;
  name?: string;
}) {
  return (
    <span className="brand">
      <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
        <defs>
          <linearGradient id="brand-g" x1="0" y1="0" x2="1" y2="1">
            <stop offset="0" stopColor="#2f7bff" />
            <stop offset="1" stopColor="#0b47b8" />
          </linearGradient>
        </defs>
        <rect width="64" height="64" rx="14" fill="url(#brand-g)" />
        <g fill="#fff">
          <circle cx="22" cy="36" r="8" />
          <circle cx="33" cy="29" r="11" />
          <circle cx="42" cy="35" r="9" />
          <rect x="22" y="32" width="21" height="12" />
        </g>
        <g stroke="#1456d6" strokeWidth="2.4" strokeLinecap="round" fill="#1456d6">
          <line x1="24" y1="38" x2="33" y2="30" />
          <line x1="33" y1="30" x2="41" y2="38" />
          <line x1="24" y1="38" x2="41" y2="38" />
          <circle cx="24" cy="38" r="3" stroke="none" />
          <circle cx="33" cy="30" r="3.4" stroke="none" />
          <circle cx="41" cy="38" r="3" stroke="none" />
        </g>
      </svg>
      {withName && <span className="brand-name">{name}</span>}
    </span>
  );
}
