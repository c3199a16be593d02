'use client';

import { useCallback, useState } from 'react';
import { saveSectionAction } from '@/app/t/[team]/incidents/[number]/postmortem/actions';
import type { SectionView } from '@/lib/postmortem/sections';
import type { CommentsSetup } from './comment-setup';
import { SectionEditor } from './section-editor';
import type { SectionSaver } from './use-section-autosave';
import styles from './postmortem.module.css';

interface Props {
  slug: string;
  sections: SectionView[];
  names: string[];
  allowList: string[];
  comments: CommentsSetup;
  historyPath: string;
  initialFlagCount: number;
}

/** The editable post-mortem: one autosaving card per section and the open blameless flags count. */
export function PostmortemDocument({ slug, sections, names, allowList, comments, historyPath, initialFlagCount }: Props) {
  const [counts, setCounts] = useState<Record<string, number>>({});
  const onFlagCount = useCallback((sectionId: string, count: number) => {
    setCounts((prev) => (prev[sectionId] === count ? prev : { ...prev, [sectionId]: count }));
  }, []);
  const save = useCallback<SectionSaver>((sectionId, body, version) => saveSectionAction(slug, sectionId, body, version), [slug]);
  const known = Object.keys(counts).length === sections.length;
  const open = known ? Object.values(counts).reduce((a, b) => a + b, 0) : initialFlagCount;

  return (
    <>
      <FlagSummary open={open} />
      {sections.map((section) => (
        <SectionEditor
          key={section.id}
          section={section}
          save={save}
          names={names}
          allowList={allowList}
          comments={comments}
          historyHref={`${historyPath}?section=${encodeURIComponent(section.id)}`}
          onFlagCount={onFlagCount}
        />
      ))}
    </>
  );
}

export function FlagSummary({ open }: { open: number }) {
  return (
    <p className={open > 0 ? `${styles.flagSummary} ${styles.flagSummaryOpen}` : styles.flagSummary} aria-live="polite" data-open-flags={open} data-print="hide">
      {open === 0
        ? 'Blameless check: no phrases that read as blame.'
        : `Blameless check: ${open} open ${open === 1 ? 'flag' : 'flags'} — phrases that may read as blame are listed under their section.`}
    </p>
  );
}
