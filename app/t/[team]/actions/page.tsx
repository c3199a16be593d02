import type { Metadata } from 'next';
import { SECTIONS } from '@/components/shell/sections';
import { SectionPlaceholder } from '@/components/shell/section-placeholder';

export const metadata: Metadata = { title: SECTIONS.actions.label };

export default function ActionsPage() {
  return <SectionPlaceholder section="actions" />;
}
