/** The post-mortem sections a new team starts with; admins can edit the team's template. */
export interface TemplateSectionSpec {
  key: string;
  title: string;
  guidance: string;
}

/** The default post-mortem template, in display order (position = index). */
export const DEFAULT_TEMPLATE: readonly TemplateSectionSpec[] = [
  { key: 'summary', title: 'Summary', guidance: 'Two or three sentences: what happened, for how long, and who was affected.' },
  { key: 'impact', title: 'Impact', guidance: 'Who and what was affected, for how long and how badly; numbers beat adjectives.' },
  { key: 'detection', title: 'Detection', guidance: 'How we found out, how long it took, and what would have caught it sooner.' },
  { key: 'response', title: 'Response', guidance: 'How the response unfolded, judged by what responders knew at the time.' },
  { key: 'recovery', title: 'Recovery', guidance: 'What restored service and what it took to fully resolve the incident.' },
  { key: 'went_well', title: 'What went well', guidance: 'Practices, tools and decisions worth keeping.' },
  { key: 'went_wrong', title: 'What went wrong', guidance: 'Systemic gaps that made the incident likelier, longer or harder. Systems, not people.' },
  { key: 'lucky', title: 'Where we got lucky', guidance: 'What limited the damage by chance rather than by design.' },
  { key: 'supporting', title: 'Supporting information', guidance: 'Links to dashboards, logs, tickets and related incidents.' },
];
