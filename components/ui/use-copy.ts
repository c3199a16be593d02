'use client';

import { useState, type RefObject } from 'react';

export type CopyStatus = 'idle' | 'copied' | 'manual';

/**
 * Copies text to the clipboard. The clipboard API needs a secure context (https or localhost);
 * elsewhere, or when refused, the input is focused and selected so Ctrl+C works.
 */
export function useCopy(input: RefObject<HTMLInputElement | HTMLTextAreaElement | null>) {
  const [status, setStatus] = useState<CopyStatus>('idle');
  async function copy(text: string) {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setStatus('manual');
    }
  }
  return { status, copy };
}
