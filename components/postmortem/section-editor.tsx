'use client';

import { useDeferredValue, useEffect, useId, useMemo } from 'react';
import { findBlamingLanguage } from '@/lib/postmortem/blameless';
import type { SectionView } from '@/lib/postmortem/sections';
import { BlamelessFlags } from './blameless-flags';
import { SectionComments } from './comment-panel';
import { OpenCommentCount, threadsOf, type CommentsSetup } from './comment-setup';
import { ConflictPanel } from './conflict-panel';
import { MarkdownView } from './markdown-view';
import { SaveStatusText } from './save-status';
import { useSectionAutosave, type SectionSaver } from './use-section-autosave';
import styles from './postmortem.module.css';

interface Props {
  section: SectionView;
  save: SectionSaver;
  names: readonly string[];
  allowList: readonly string[];
  comments: CommentsSetup;
  historyHref: string;
  onFlagCount: (sectionId: string, count: number) => void;
}

/** One section card: Markdown textarea with live preview, autosave state, blameless flags, conflicts. */
export function SectionEditor({ section, save, names, allowList, comments, historyHref, onFlagCount }: Props) {
  const { text, setText, status, saveOver, retryNow } = useSectionAutosave(section.id, section.body, section.version, save);
  const preview = useDeferredValue(text);
  const flags = useMemo(() => findBlamingLanguage(preview, { names: [...names], allowList: [...allowList] }), [preview, names, allowList]);
  const id = useId();

  useEffect(() => {
    onFlagCount(section.id, flags.length);
  }, [flags.length, onFlagCount, section.id]);

  return (
    <section className={styles.card} aria-labelledby={`${id}-title`} data-section-key={section.key} data-print="flat">
      <header className={styles.cardHeader}>
        <h3 id={`${id}-title`} className={styles.cardTitle}>{section.title}</h3>
        <OpenCommentCount threads={threadsOf(comments, section.key)} />
        <SaveStatusText status={status} onRetry={retryNow} />
        <a className={styles.historyLink} href={historyHref} data-print="hide">History</a>
      </header>
      {status.kind === 'conflict' ? <ConflictPanel title={section.title} mine={text} theirs={status.theirs} onResolve={(body) => saveOver(body, status.theirs)} /> : null}
      <div className={styles.editorGrid} data-print="flat">
        <div className={styles.editorPane} data-print="hide">
          <label htmlFor={`${id}-text`} className={styles.paneLabel}>
            Markdown
          </label>
          <textarea
            id={`${id}-text`}
            className={styles.textarea}
            value={text}
            rows={Math.min(18, Math.max(6, text.split('\n').length + 1))}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={flags.length > 0 ? `${id}-flags` : undefined}
            spellCheck
          />
        </div>
        <div className={styles.editorPane}>
          <span className={styles.paneLabel} id={`${id}-preview-label`} data-print="hide">
            Preview
          </span>
          <div className={styles.preview} data-print="flat" role="region" aria-labelledby={`${id}-preview-label`}>
            <MarkdownView source={preview} />
          </div>
        </div>
      </div>
      <BlamelessFlags text={preview} flags={flags} id={`${id}-flags`} />
      <SectionComments setup={comments} sectionKey={section.key} title={section.title} />
    </section>
  );
}
