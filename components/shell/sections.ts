/**
 * The team sections, in navigation order. One list feeds the navigation and the section pages,
 * so a label or a description is written once.
 */
export const SECTION_SLUGS = ['incidents', 'actions', 'factors', 'review', 'metrics', 'settings'] as const;

export type SectionSlug = (typeof SECTION_SLUGS)[number];

export interface Section {
  slug: SectionSlug;
  label: string;
  /** One sentence: what the section is for. Shown while the section is not built yet. */
  description: string;
}

export const SECTIONS: Record<SectionSlug, Section> = {
  incidents: {
    slug: 'incidents',
    label: 'Incidents',
    description:
      'Incidents and drills with their lifecycle timestamps, each with a blameless post-mortem and a timeline the team writes together.',
  },
  actions: {
    slug: 'actions',
    label: 'Actions',
    description:
      'Every remediation action item (prevent, detect, mitigate, process) with its owner, due date and ticket, tracked until it is done.',
  },
  factors: {
    slug: 'factors',
    label: 'Factors',
    description:
      'The team’s catalog of systemic contributing factors (technical, process, organizational, external, human factors) and where they recur.',
  },
  review: {
    slug: 'review',
    label: 'Review',
    description:
      'The weekly review meeting, run from the app: post-mortems awaiting review, overdue actions, attendees, notes and decisions.',
  },
  metrics: {
    slug: 'metrics',
    label: 'Metrics',
    description:
      'MTTD, MTTA, MTTM and MTTR, MTBF and availability trends, computed exactly as the metrics definitions say.',
  },
  settings: {
    slug: 'settings',
    label: 'Settings',
    description: 'The team’s members and roles, services, post-mortem templates and API tokens.',
  },
};

/** The URL of a team section. The slug is encoded so an unusual team slug cannot break the path. */
export function sectionHref(teamSlug: string, section: SectionSlug): string {
  return `/t/${encodeURIComponent(teamSlug)}/${section}`;
}

/**
 * Dynamic route params arrive percent-encoded (measured: /t/a%20b gives "a%20b"). Decode once so
 * the slug is shown as the team wrote it and sectionHref does not double-encode; a malformed
 * escape is left as it came.
 */
export function teamSlugFromParam(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    return param;
  }
}
