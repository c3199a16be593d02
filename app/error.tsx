'use client';

import { SiteFrame } from '@/components/shell/site-frame';
import { ErrorPanel } from '@/components/ui/error-panel';

/** Errors below the root layout. Friendly text only; see ErrorPanel for what is (not) shown. */
export default function ErrorBoundary({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <SiteFrame>
      <ErrorPanel error={error} onRetry={retry} />
    </SiteFrame>
  );
}
