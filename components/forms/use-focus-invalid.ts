'use client';

import { useEffect, useRef } from 'react';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';

/** After each action result, focus the first invalid field of the form (keyboard and screen-reader users land on the error). */
export function useFocusFirstInvalid(state: FormState) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state === EMPTY_FORM_STATE) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  return formRef;
}
