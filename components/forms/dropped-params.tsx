/** The address's parameters that were not understood and were left out of a filtered view (nothing when none). */
export function DroppedParams({ errors, className }: { errors: Record<string, string | undefined>; className?: string }) {
  const bad = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  if (!bad.length) return null;
  return (
    <div className={className} role="alert">
      Some filters in the address were not understood and were left out:
      <ul>
        {bad.map(([key, message]) => (
          <li key={key}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
