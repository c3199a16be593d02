import type { ReactNode } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { AppError } from '@/lib/errors';

/**
 * For admin-only pages: the domain query decides (it authorizes); a FORBIDDEN becomes null so the
 * page can explain instead of failing. Every other error still reaches the error boundary.
 */
export async function unlessForbidden<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN') return null;
    throw error;
  }
}

/** What a member without the admin role sees instead of an admin-only page. */
export function AdminOnly({ title, children }: { title: string; children?: ReactNode }) {
  return <EmptyState title={title}>{children ?? <p>Ask an admin of this team if you need this.</p>}</EmptyState>;
}
