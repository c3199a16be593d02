import type { Metadata } from 'next';
import { SECTIONS } from '@/components/shell/sections';
import { SectionPlaceholder } from '@/components/shell/section-placeholder';

export const metadata: Metadata = { title: SECTIONS.incidents.label };

export default function IncidentsPage() {
  return <SectionPlaceholder section="incidents" />;
}
