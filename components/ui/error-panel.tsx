'use client';

import { useEffect } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import styles from '@/components/ui/ui.module.css';
import { UNAVAILABLE_DIGEST } from '@/lib/errors';

const UNAVAILABLE_MARKER = 'temporarily unavailable';

function readString(value: unknown, key: 'message' | 'digest'): string | null {
  if (typeof value !== 'object' || value === null || !(key in value)) return null;
  const field: unknown = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field.length > 0 ? field : null;
}

/**
 * What an error boundary shows. The raw message and stack never reach the page. An unreachable
 * database is recognised by the digest lib/db.ts gives such errors (production: the only field
 * Next.js passes on) or by the "temporarily unavailable" marker in the message (errors thrown in
 * the browser); the digest is shown as a reference that matches the server log.
 */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  useEffect(() => {
    // Browser console only, for whoever is debugging; never rendered.
    console.error(error);
  }, [error]);

  const message = readString(error, 'message');
  const digest = readString(error, 'digest');
  const unavailable = (digest?.startsWith(UNAVAILABLE_DIGEST) ?? false) || (message?.toLowerCase().includes(UNAVAILABLE_MARKER) ?? false);

  return (
    <div className={styles.errorPanel}>
      <PageHeader
        title={unavailable ? 'Temporarily unavailable' : 'Something went wrong'}
        description={
          unavailable
            ? 'Hindsight is temporarily unavailable (the database cannot be reached). Try again in a moment.'
            : 'This page could not be shown because of an unexpected error. Try again; if it keeps happening, let whoever runs Hindsight know.'
        }
      />
      {digest ? (
        <p className={styles.errorReference}>
          Reference: <code>{digest}</code>
        </p>
      ) : null}
      <div className={styles.errorActions}>
        <button type="button" className="button button-primary" onClick={onRetry}>
          Try again
        </button>
        {/* A full page load, not a client navigation: after an error it is the surest reset. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="button">
          Go to the home page
        </a>
      </div>
    </div>
  );
}
