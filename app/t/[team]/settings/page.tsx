import type { Metadata } from 'next';
import { SECTIONS } from '@/components/shell/sections';
import { SectionPlaceholder } from '@/components/shell/section-placeholder';

export const metadata: Metadata = { title: SECTIONS.settings.label };

export default function SettingsPage() {
  return <SectionPlaceholder section="settings" />;
}
