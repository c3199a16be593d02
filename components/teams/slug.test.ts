import { describe, expect, it } from 'vitest';
import { teamSlugSchema } from '@/lib/teams/schemas';
import { suggestSlug } from './slug';

describe('suggestSlug', () => {
  it('turns a team name into an address the server accepts', () => {
    for (const [name, slug] of [
      ['Payments & Billing (EU)', 'payments-billing-eu'],
      ['  Équipe Réseau ', 'equipe-reseau'],
      ['SRE', 'sre'],
      ['--Ops--', 'ops'],
    ] as const) {
      expect(suggestSlug(name)).toBe(slug);
      expect(teamSlugSchema.safeParse(suggestSlug(name)).success).toBe(true);
    }
  });

  it('stays within 40 characters without a trailing dash', () => {
    const slug = suggestSlug(`${'a'.repeat(39)} b c`);
    expect(slug).toBe('a'.repeat(39));
    expect(suggestSlug('x'.repeat(60))).toHaveLength(40);
  });

  it('gives an empty suggestion when nothing is spellable', () => {
    expect(suggestSlug('運用チーム')).toBe('');
  });
});
