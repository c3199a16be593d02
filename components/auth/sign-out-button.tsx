'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

/** Ends this browser's session (next-auth clears the cookie) and goes to the sign-in page. */
export function SignOutButton({ className = 'button' }: { className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={className}
      aria-disabled={pending}
      onClick={() => {
        if (pending) return;
        setPending(true);
        signOut({ callbackUrl: '/sign-in' }).catch(() => setPending(false));
      }}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
