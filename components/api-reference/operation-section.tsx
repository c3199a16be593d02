import styles from './api-reference.module.css';
import { FieldTable } from './field-table';
import { Paragraphs } from './inline-text';
import { shapeSlug, type OperationView } from './reference-model';

const ROLE_TEXT: Record<string, string> = {
  public: 'none (public)',
  viewer: 'viewer token or higher',
  editor: 'editor token or higher',
  admin: 'admin token',
};

/** One operation: its heading, role, description, parameters, body, responses and a curl example. */
export function OperationSection({ op, shapes }: { op: OperationView; shapes: ReadonlySet<string> }) {
  const headingId = `op-${op.id}`;
  const bodyLink = (name: string | null) =>
    name && shapes.has(name) ? <a href={`#${shapeSlug(name)}`}>{name}</a> : name ? <code>{name}</code> : '—';
  return (
    <article className={styles.operation} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.operationTitle}>
        <span className={styles.method} data-method={op.method}>
          {op.method}
        </span>{' '}
        <code className={styles.path}>{op.path}</code>
        <span className={styles.summary}>{op.summary}</span>
      </h3>
      <dl className={styles.facts}>
        <dt>Access</dt>
        <dd>{ROLE_TEXT[op.role] ?? op.role}</dd>
        <dt>Operation id</dt>
        <dd>
          <code>{op.id}</code>
        </dd>
      </dl>
      <Paragraphs text={op.description} className={styles.text} />
      {op.parameters.length ? <FieldTable caption={`Parameters of ${op.method} ${op.path}`} fields={op.parameters} showLocation /> : null}
      {op.bodyName ? <FieldTable caption={`Request body of ${op.method} ${op.path} (JSON, ${op.bodyName})`} fields={op.bodyFields} /> : null}
      <table className={styles.table}>
        <caption className={styles.caption}>Responses of {op.method} {op.path}</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Meaning</th>
            <th scope="col">Body</th>
          </tr>
        </thead>
        <tbody>
          {op.responses.map((response) => (
            <tr key={response.status}>
              <th scope="row">{response.status}</th>
              <td>
                <Paragraphs text={response.description} className={styles.cellText} />
              </td>
              <td className={styles.nowrap}>{bodyLink(response.body)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.exampleLabel}>Example</p>
      <pre className={styles.example}>
        <code>{op.curl}</code>
      </pre>
    </article>
  );
}
