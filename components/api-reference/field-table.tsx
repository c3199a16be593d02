import styles from './api-reference.module.css';
import { InlineText } from './inline-text';
import type { FieldRow } from './reference-model';

/** Parameters or body fields: name, (where,) type, required, and what they mean, with allowed values. */
export function FieldTable({ caption, fields, showLocation = false }: { caption: string; fields: (FieldRow & { location?: string })[]; showLocation?: boolean }) {
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          {showLocation ? <th scope="col">In</th> : null}
          <th scope="col">Type</th>
          <th scope="col">Required</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <tr key={`${field.location ?? ''}-${field.name}`}>
            <th scope="row">
              <code>{field.name}</code>
            </th>
            {showLocation ? <td className={styles.nowrap}>{field.location}</td> : null}
            <td className={styles.type}>{field.type}</td>
            <td>{field.required ? 'yes' : 'no'}</td>
            <td>
              {field.description ? <InlineText text={field.description} /> : null}
              {field.values.length ? (
                <span className={styles.values}>
                  One of: {field.values.map((v, i) => (
                    <span key={v}>
                      {i ? ', ' : ''}
                      <code>{v}</code>
                    </span>
                  ))}
                </span>
              ) : null}
              {field.defaultValue !== null ? (
                <span className={styles.values}>
                  Default: <code>{field.defaultValue}</code>
                </span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
