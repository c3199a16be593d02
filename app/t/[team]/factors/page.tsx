import type { Metadata } from 'next';
import { SECTIONS } from '@/components/shell/sections';
import { SectionPlaceholder } from '@/components/shell/section-placeholder';

export const metadata: Metadata = { title: SECTIONS.factors.label };

export default function FactorsPage() {
  return <SectionPlaceholder section="factors" />;
}
