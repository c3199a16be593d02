import { renderMarkdown } from '@/lib/postmortem/markdown';
import styles from './postmortem.module.css';

/** Rendered section Markdown (raw HTML escaped, unsafe links dropped by renderMarkdown). */
export function MarkdownView({ source, emptyText = 'Nothing written yet.', id }: { source: string; emptyText?: string; id?: string }) {
  if (source.trim() === '') return <p className={styles.empty} id={id}>{emptyText}</p>;
  return <div id={id} className={styles.markdown} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
