import type { ReactElement, ReactNode } from 'react';
import type { SectionSlug } from '@/components/shell/sections';

/**
 * Small original stroke icons (16px grid). Decorative only: every use sits next to a text label,
 * so each icon is aria-hidden.
 */
interface IconProps {
  size?: number;
  className?: string;
}

function Svg({ size = 16, className, children }: IconProps & { children: ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className}
    >
      {children}
    </svg>
  );
}

export function IncidentsIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M1.75 8.5h2.5l1.75-4.5 3 8.5 1.75-4h3.5" />
    </Svg>
  );
}

export function ActionsIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="2.25" y="2.25" width="11.5" height="11.5" rx="2.5" />
      <path d="m5.25 8.25 1.9 1.9 3.6-4.15" />
    </Svg>
  );
}

export function FactorsIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="4" cy="4" r="1.75" />
      <circle cx="4" cy="12" r="1.75" />
      <circle cx="12" cy="8" r="1.75" />
      <path d="M5.6 4.9 10.4 7.1M5.6 11.1l4.8-2.2" />
    </Svg>
  );
}

export function ReviewIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="2.25" y="3" width="11.5" height="10.75" rx="2" />
      <path d="M2.25 6.5h11.5M5.5 1.75v2.5M10.5 1.75v2.5" />
    </Svg>
  );
}

export function MetricsIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M3 13.25V8.5M8 13.25V3M13 13.25V6" />
    </Svg>
  );
}

export function SettingsIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M2 4.75h6.75M12.25 4.75H14M2 11.25h1.75M7.25 11.25H14" />
      <circle cx="10.5" cy="4.75" r="1.75" />
      <circle cx="5.5" cy="11.25" r="1.75" />
    </Svg>
  );
}

export function MenuIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M2.5 4.5h11M2.5 8h11M2.5 11.5h11" />
    </Svg>
  );
}

export function CloseIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="m4 4 8 8M12 4l-8 8" />
    </Svg>
  );
}

export function ArrowRightIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M3 8h10M9 4l4 4-4 4" />
    </Svg>
  );
}

export function ClockIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="8" cy="8" r="5.75" />
      <path d="M8 5v3.25l2 1.25" />
    </Svg>
  );
}

export const SECTION_ICONS: Record<SectionSlug, (props: IconProps) => ReactElement> = {
  incidents: IncidentsIcon,
  actions: ActionsIcon,
  factors: FactorsIcon,
  review: ReviewIcon,
  metrics: MetricsIcon,
  settings: SettingsIcon,
};
