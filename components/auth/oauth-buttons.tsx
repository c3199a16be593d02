'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import styles from '@/components/auth/auth.module.css';

export interface OAuthProvider {
  id: string;
  name: string;
}

/** One button per configured OAuth/OIDC provider; next-auth takes the browser to the provider. */
export function OAuthButtons({ providers, callbackUrl }: { providers: readonly OAuthProvider[]; callbackUrl: string }) {
  const [leaving, setLeaving] = useState<string | null>(null);
  if (providers.length === 0) return null;
  return (
    <>
      <p className={styles.divider}>or</p>
      <ul className={styles.providers}>
        {providers.map((provider) => (
          <li key={provider.id}>
            <button
              type="button"
              className={`button ${styles.providerButton}`}
              disabled={leaving !== null}
              onClick={() => {
                setLeaving(provider.id);
                signIn(provider.id, { callbackUrl }).catch(() => setLeaving(null));
              }}
            >
              {leaving === provider.id ? `Opening ${provider.name}…` : `Continue with ${provider.name}`}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
