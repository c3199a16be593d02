import { SECTIONS, type SectionSlug } from '@/components/shell/sections';
import { NotAvailable } from '@/components/ui/not-available';
import { PageHeader } from '@/components/ui/page-header';

/** A team section that is not built yet: its name, what it will do, and an honest note. */
export function SectionPlaceholder({ section }: { section: SectionSlug }) {
  const { label, description } = SECTIONS[section];
  return (
    <>
      <PageHeader title={label} description={description} />
      <NotAvailable feature={label} />
    </>
  );
}
