import { KIND_OPTIONS } from './types';

/** The <option>s of every timeline-kind select. */
export function KindOptions() {
  return (
    <>
      {KIND_OPTIONS.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}
