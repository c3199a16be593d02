/**
 * The roles as the UI names them. A plain module (not 'use client'), so that server components
 * get the array itself rather than a client reference.
 */
export const ROLE_OPTIONS = [
  { value: 'viewer', label: 'Viewer' },
  { value: 'editor', label: 'Editor' },
  { value: 'admin', label: 'Admin' },
] as const;

export function roleLabel(role: string): string {
  return ROLE_OPTIONS.find((o) => o.value === role)?.label ?? role;
}
