import type { BlameFlag } from '@/lib/postmortem/blameless';
import styles from './postmortem.module.css';

const CONTEXT = 40;

/** The blameless-language flags of one section: the phrase underlined in its context, why, and a rephrasing. */
export function BlamelessFlags({ text, flags, id }: { text: string; flags: readonly BlameFlag[]; id: string }) {
  if (flags.length === 0) return null;
  return (
    <div className={styles.flags} id={id} data-print="hide">
      <p className={styles.flagsTitle}>
        {flags.length === 1 ? '1 phrase may read as blame' : `${flags.length} phrases may read as blame`} (a suggestion, not a block):
      </p>
      <ul className={styles.flagList}>
        {flags.map((flag) => {
          const before = text.slice(Math.max(0, flag.start - CONTEXT), flag.start);
          const after = text.slice(flag.end, flag.end + CONTEXT);
          return (
            <li key={`${flag.start}-${flag.rule}`}>
              <q className={styles.flagContext}>
                {flag.start > CONTEXT ? '…' : ''}
                {before}
                <mark className={styles.flagMark}>{flag.text}</mark>
                {after}
                {flag.end + CONTEXT < text.length ? '…' : ''}
              </q>
              <span className={styles.flagWhy}>{flag.explanation}</span>
              <span className={styles.flagTry}>Try: {flag.suggestion}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
