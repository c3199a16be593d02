import type { Metadata } from 'next';
import { SECTIONS } from '@/components/shell/sections';
import { SectionPlaceholder } from '@/components/shell/section-placeholder';

export const metadata: Metadata = { title: SECTIONS.review.label };

export default function ReviewPage() {
  return <SectionPlaceholder section="review" />;
}
