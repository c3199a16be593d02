'use client';

import { useRef } from 'react';
import { useCopy } from '@/components/ui/use-copy';
import styles from './webhooks.module.css';

const VERIFY_SNIPPET = `const { createHmac, timingSafeEqual } = require('node:crypto');

// rawBody: the request body exactly as received (a Buffer or string, before JSON.parse).
function isFromHindsight(rawBody, signatureHeader, secret) {
  const expected = 'sha256=' + createHmac('sha256', secret).update(rawBody).digest('hex');
  const a = Buffer.from(expected);
  const b = Buffer.from(String(signatureHeader || ''));
  return a.length === b.length && timingSafeEqual(a, b);
}
// isFromHindsight(body, req.headers['x-hindsight-signature'], process.env.HINDSIGHT_WEBHOOK_SECRET)`;

/** The one display of an endpoint's signing secret, with how a receiver verifies a delivery. */
export function NewSecret({ secret, id }: { secret: string; id: string }) {
  const input = useRef<HTMLInputElement>(null);
  const { status, copy } = useCopy(input);
  const copyStatus = status === 'copied' ? 'Copied to the clipboard.' : status === 'manual' ? 'The secret is selected: press Ctrl+C (⌘C on a Mac).' : '';
  return (
    <div className={styles.secret}>
      <label htmlFor={id}>
        <strong>Signing secret</strong>
      </label>
      <input ref={input} id={id} className={styles.secretInput} value={secret} readOnly spellCheck={false} autoComplete="off" aria-describedby={`${id}-note`} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" className="button" onClick={() => copy(secret)}>
        Copy secret
      </button>
      <span aria-live="polite"> {copyStatus}</span>
      <p id={`${id}-note`}>
        <strong>Copy it now: it is not shown again</strong> (rotate it to get a new one). Every delivery carries{' '}
        <code>X-Hindsight-Signature: sha256=&lt;hex&gt;</code>, the HMAC-SHA256 of the raw request body with this secret. Check it before
        trusting a delivery, for example in Node.js:
      </p>
      <pre className={styles.snippet}>{VERIFY_SNIPPET}</pre>
    </div>
  );
}
