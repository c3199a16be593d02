import type { TimelineKindGuess } from './import';

/**
 * A first guess at a timeline entry's kind from its text, by keywords. It is only a guess: the
 * import preview shows it as an editable choice, and anything unmatched is a plain `note`.
 * Rules are tried in order and the first match wins, so "rolled back, all clear" is a
 * resolution and "paging the db team" an escalation rather than a detection.
 */
const RULES: ReadonlyArray<readonly [TimelineKindGuess, RegExp]> = [
  ['resolution', /\b(?:resolved|all[ -]clear|fully recovered|back to normal|incident (?:is )?closed|closing (?:the|this) incident)\b/i],
  ['mitigation', /\b(?:mitigat\w*|stopped the bleeding|error rates? (?:is |are )?(?:back )?down)\b/i],
  [
    'escalation',
    /\b(?:escalat\w*|paging\b|pag(?:ed|e) (?:the )?[\w-]+(?: [\w-]+)? (?:team|on-?call)|looping in|pulling in|bringing in)\b/i,
  ],
  ['communication', /\b(?:status ?page|statuspage|customers?|announc\w*|posted (?:an? )?update|update posted|comms)\b/i],
  [
    'action',
    /\b(?:roll(?:ed|ing)? ?back|rollback|restart\w*|redeploy\w*|deploy(?:ed|ing)?|fail(?:ed|ing)? ?over|failover|revert\w*|scal(?:ed|ing) (?:up|out|down)|drain\w*)\b/i,
  ],
  ['detection', /\b(?:paged|pager|alert\w*|alarm\w*|noticed|firing|got a page)\b/i],
  ['diagnosis', /\b(?:investigat\w*|looking|seeing|graphs?|dashboards?|logs?|suspect\w*|root cause|hypothes\w*)\b/i],
];

export function guessKind(text: string): TimelineKindGuess {
  for (const [kind, pattern] of RULES) if (pattern.test(text)) return kind;
  return 'note';
}
