import type { Metadata } from 'next';
import Link from 'next/link';
import { SiteFrame } from '@/components/shell/site-frame';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <SiteFrame>
      <PageHeader
        title="Page not found"
        description="There is nothing at this address. It may have moved, or the link may be mistyped."
      />
      <Link href="/" className="button button-primary">
        Go to the home page
      </Link>
    </SiteFrame>
  );
}
