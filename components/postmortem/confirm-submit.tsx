'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { SubmitButton } from '@/components/forms/fields';

/**
 * A destructive submit in two steps, inside its form: the first button asks, the second submits.
 * Focus moves to the confirming button when asked and back to the first one on Cancel.
 */
export function ConfirmSubmit({ label, question, confirmLabel, pendingText, className }: { label: ReactNode; question: ReactNode; confirmLabel: string; pendingText: string; className?: string }) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLSpanElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.querySelector('button')?.focus();
    else if (wasAsking.current) askRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button ref={askRef} type="button" className={className ?? 'button'} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span role="group" aria-label={typeof label === 'string' ? label : confirmLabel} style={{ display: 'inline-flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'center' }}>
      <span>{question}</span>
      <span ref={confirmRef}>
        <SubmitButton variant="danger" pendingText={pendingText}>
          {confirmLabel}
        </SubmitButton>
      </span>
      <button type="button" className="button" onClick={() => setAsking(false)} onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
