const MAX_SLUG_LENGTH = 40;

/**
 * The team address suggested for a team name: "Payments & Billing (EU)" -> "payments-billing-eu".
 * Accents are folded ("Équipe" -> "equipe"); what cannot be spelled in [a-z0-9-] is dropped. The
 * server validates the final slug (lib/teams/schemas.ts); this only makes a good first guess.
 */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
}
