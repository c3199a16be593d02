import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { template: '%s · Hindsight', default: 'Hindsight' },
  description: 'Self-hosted blameless post-mortems, remediation tracking and honest reliability metrics.',
  applicationName: 'Hindsight',
  icons: { icon: [{ url: '/favicon.svg', type: 'image/svg+xml' }] },
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f7f7f8' },
    { media: '(prefers-color-scheme: dark)', color: '#161618' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts); a
  // prerendered page would have none and its scripts would be blocked.
  await connection();
  return (
    <html lang="en">
      <body>
        {/* First focusable element on every page; every page renders <main id="main">. */}
        <a className="skip-link" href="#main" data-print="hide">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
