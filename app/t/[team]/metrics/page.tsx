import type { Metadata } from 'next';
import { SECTIONS } from '@/components/shell/sections';
import { SectionPlaceholder } from '@/components/shell/section-placeholder';

export const metadata: Metadata = { title: SECTIONS.metrics.label };

export default function MetricsPage() {
  return <SectionPlaceholder section="metrics" />;
}
