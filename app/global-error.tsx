'use client';

import { SiteFrame } from '@/components/shell/site-frame';
import { ErrorPanel } from '@/components/ui/error-panel';
import './globals.css';

/**
 * Errors in the root layout itself. This replaces the whole document, so it brings its own
 * <html>, <body>, styles, title and skip link.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <title>Something went wrong · Hindsight</title>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteFrame>
          <ErrorPanel error={error} onRetry={retry} />
        </SiteFrame>
      </body>
    </html>
  );
}
