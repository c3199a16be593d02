import type { DiffLine } from '@/lib/postmortem/diff';
import styles from './postmortem.module.css';

const SIGN = { same: ' ', added: '+', removed: '−' } as const;
const SR = { same: '', added: 'Added: ', removed: 'Removed: ' } as const;

/** A line diff, with +/− signs and screen-reader words, not colour alone. */
export function DiffView({ lines, caption }: { lines: DiffLine[]; caption: string }) {
  return (
    <figure className={styles.diff}>
      <figcaption className={styles.hint}>{caption}</figcaption>
      {lines.length === 0 ? (
        <p className={styles.empty}>(empty)</p>
      ) : (
        <pre className={styles.diffBody}>
          {lines.map((line, i) => (
            <span key={i} className={styles[line.kind]}>
              <span aria-hidden="true">{SIGN[line.kind]} </span>
              <span className="visually-hidden">{SR[line.kind]}</span>
              {line.text}
            </span>
          ))}
        </pre>
      )}
    </figure>
  );
}
