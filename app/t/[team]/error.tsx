'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

/** Errors inside a team page keep the team's navigation around them. */
export default function TeamErrorBoundary({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} onRetry={retry} />;
}
