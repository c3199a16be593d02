import styles from './api-reference.module.css';
import { FieldTable } from './field-table';
import type { ShapeView } from './reference-model';

/** The named request and response shapes the operations refer to. */
export function ShapeList({ shapes }: { shapes: ShapeView[] }) {
  return (
    <section className={styles.tag} aria-labelledby="shapes">
      <h2 id="shapes" className={styles.tagTitle}>
        Shapes
      </h2>
      <p className={styles.text}>The JSON objects of requests and responses. Timestamps are ISO-8601; unknown fields in a request are a 422.</p>
      {shapes.map((shape) => (
        <article key={shape.slug} className={styles.operation} aria-labelledby={shape.slug}>
          <h3 id={shape.slug} className={styles.operationTitle}>
            <code>{shape.name}</code>
          </h3>
          {shape.summary ? <p className={styles.text}>One of: {shape.summary}</p> : <FieldTable caption={`Fields of ${shape.name}`} fields={shape.fields} />}
        </article>
      ))}
    </section>
  );
}
