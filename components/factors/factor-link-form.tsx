'use client';

import { useActionState, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import forms from '@/components/forms/forms.module.css';
import { FormMessage, SelectField, SubmitButton } from '@/components/forms/fields';
import { TextAreaField } from '@/components/incidents/incident-form-fields';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';
import { CATEGORY_LABEL, MAX_HOW_LENGTH, MAX_NAME_LENGTH, type FactorCategoryName } from '@/lib/factors/schemas';
import { CATEGORY_OPTIONS } from './labels';
import styles from './factors.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;
interface Suggestion {
  id: string;
  name: string;
  category: FactorCategoryName;
}
type Suggest = (q: string) => Promise<{ suggestions: Suggestion[]; message?: string }>;
type Chosen = { kind: 'existing'; factor: Suggestion } | { kind: 'new'; name: string } | null;

/**
 * Link a factor to the incident: an ARIA combobox suggests catalog factors while typing (fuzzy,
 * so "missing alert" finds "Missing alerting"), arrow keys move through the suggestions, Enter
 * chooses; the last option creates a new factor with the typed name and a category.
 */
export function FactorLinkForm({ action, suggest }: { action: Action; suggest: Suggest }) {
  const [round, setRound] = useState(0);
  const [state, formAction] = useActionState<FormState, FormData>(async (prev, form) => {
    const next = await action(prev, form);
    if (next.ok) setRound((r) => r + 1);
    return next;
  }, EMPTY_FORM_STATE);
  return (
    <section aria-labelledby="link-factor-heading" className={styles.panel}>
      <h2 id="link-factor-heading" className={styles.formHeading}>
        Link a contributing factor
      </h2>
      <form action={formAction} aria-labelledby="link-factor-heading">
        <LinkFields key={round} state={state} suggest={suggest} />
        <SubmitButton pendingText="Linking…">Link factor</SubmitButton>
        <FormMessage state={state} />
      </form>
    </section>
  );
}

function LinkFields({ state, suggest }: { state: FormState; suggest: Suggest }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [chosen, setChosen] = useState<Chosen>(null);
  const [notice, setNotice] = useState('');
  const latest = useRef(0);

  useEffect(() => {
    const text = query.trim();
    if (!text || chosen) return;
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      void suggest(text).then((result) => {
        if (ticket !== latest.current) return;
        setSuggestions(result.suggestions);
        setNotice(result.message ?? '');
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [query, chosen, suggest]);

  const text = query.trim();
  const exact = suggestions.some((s) => s.name.toLowerCase() === text.toLowerCase());
  const options: ({ kind: 'existing'; factor: Suggestion } | { kind: 'new'; name: string })[] = [
    ...suggestions.map((factor) => ({ kind: 'existing' as const, factor })),
    ...(text && !exact ? [{ kind: 'new' as const, name: text }] : []),
  ];
  const expanded = open && text.length > 0 && options.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;

  function choose(i: number) {
    const option = options[i];
    if (!option) return;
    setChosen(option);
    if (option.kind === 'existing') setQuery(option.factor.name);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(event.key === 'ArrowDown' ? 0 : options.length - 1);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + options.length) % options.length);
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault();
      choose(active >= 0 ? active : 0);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const error = state.fieldErrors?.factorId ?? state.fieldErrors?.newName ?? state.fieldErrors?.factor;
  const inputId = `${id}-input`;
  const describedBy = [`${inputId}-hint`, error ? `${inputId}-error` : null].filter(Boolean).join(' ');
  return (
    <>
      <div className={`${forms.field} ${styles.combo}`}>
        <label htmlFor={inputId} className={forms.label}>
          Factor
        </label>
        <input
          id={inputId}
          name="factorQuery"
          type="text"
          role="combobox"
          autoComplete="off"
          maxLength={MAX_NAME_LENGTH}
          className={forms.input}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-listbox`}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setChosen(null);
            setOpen(true);
            setActive(-1);
            if (!e.target.value.trim()) setSuggestions([]);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(true)}
        />
        <p id={`${inputId}-hint`} className={forms.hint}>
          Type to search the team’s catalog; ↓ and ↑ move through the suggestions, Enter chooses.
        </p>
        <ul id={`${id}-listbox`} role="listbox" aria-label="Matching factors" className={styles.listbox} hidden={!expanded}>
          {options.map((option, i) => (
            <li
              key={option.kind === 'existing' ? option.factor.id : 'new'}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? styles.optionActive : styles.option}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(i)}
            >
              {option.kind === 'existing' ? (
                <>
                  <span>{option.factor.name}</span>
                  <span className={styles.badge}>{CATEGORY_LABEL[option.factor.category]}</span>
                </>
              ) : (
                <span>Create new factor “{option.name}”</span>
              )}
            </li>
          ))}
        </ul>
        <p id={`${inputId}-error`} className={forms.error} aria-live="polite">
          {error ?? notice}
        </p>
      </div>
      <input type="hidden" name="factorId" value={chosen?.kind === 'existing' ? chosen.factor.id : ''} />
      <input type="hidden" name="newName" value={chosen?.kind === 'new' ? chosen.name : ''} />
      <p className={styles.chosen} aria-live="polite">
        {chosen?.kind === 'existing' ? `Linking the existing factor “${chosen.factor.name}” (${CATEGORY_LABEL[chosen.factor.category]}).` : chosen?.kind === 'new' ? `Creating the new factor “${chosen.name}”.` : ''}
      </p>
      {chosen?.kind === 'new' || state.fieldErrors?.category ? <SelectField label="Category of the new factor" name="category" id={`${id}-category`} state={state} options={CATEGORY_OPTIONS} defaultValue="technical" /> : null}
      <TextAreaField label="How it contributed" name="howItContributed" id={`${id}-how`} state={state} rows={3} required maxLength={MAX_HOW_LENGTH} />
    </>
  );
}
