'use client';

import { alertmanagerReceiver, genericCurl } from '@/lib/alerts/snippets';
import type { AlertSourceName } from '@/lib/alerts/schemas';
import { CopyBox } from './copy-box';
import tokens from '@/components/tokens/tokens.module.css';

/** The one display of a generated secret, with the configuration that uses it. */
export function SetupSecret({ source, url, secret }: { source: AlertSourceName; url: string; secret: string }) {
  return (
    <div className={tokens.secret}>
      <p className={tokens.secretWarning}>
        <strong>Copy the secret now: it will not be shown again.</strong> If it is lost, rotate it and update the sender.
      </p>
      <CopyBox id={`${source}-new-secret`} label="Secret" value={secret} />
      {source === 'alertmanager' ? (
        <CopyBox id={`${source}-snippet`} label="Alertmanager receiver (alertmanager.yml)" value={alertmanagerReceiver(url, secret)} multiline />
      ) : (
        <CopyBox id={`${source}-snippet`} label="Example: a signed delivery with curl" value={genericCurl(url, secret)} multiline />
      )}
    </div>
  );
}
