/** The platform's emblem: a round red seal with 工. */
export function BrandLogo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
      <circle cx="32" cy="32" r="30" fill="#b71c1c" stroke="#f5d48a" strokeWidth="3" />
      <text x="32" y="43" fontSize="30" textAnchor="middle" fill="#fff" fontFamily="sans-serif" fontWeight="bold">
        工
      </text>
    </svg>
  );
}

export const PLATFORM_TITLE = '工会网上工作平台';
