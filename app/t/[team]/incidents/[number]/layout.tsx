import type { ReactNode } from 'react';
import { incidentRef } from '@/components/incidents/format';
import { KIND_LABEL, RestrictedBadge, SeverityBadge, StatusText } from '@/components/incidents/incident-badges';
import styles from '@/components/incidents/incident-page.module.css';
import { IncidentTabs } from '@/components/incidents/incident-tabs';
import { loadIncidentPage, type IncidentParams } from './incident-page';

/** Every page of one incident: INC-n, title, badges, and the Overview / Timeline / Post-mortem tabs. */
export default async function IncidentLayout({ children, params }: { children: ReactNode; params: IncidentParams }) {
  const { incident, href } = await loadIncidentPage(params);
  return (
    <>
      <header className={styles.header}>
        <p className={styles.ref}>{incidentRef(incident.number)}</p>
        <h1 className={styles.title}>{incident.title}</h1>
        <div className={styles.badges}>
          <SeverityBadge severity={incident.severity} />
          <span>{KIND_LABEL[incident.kind]}</span>
          <StatusText status={incident.status} postmortem={incident.postmortemStatus} />
          {incident.visibility === 'restricted' ? <RestrictedBadge /> : null}
        </div>
      </header>
      <IncidentTabs base={href} />
      {children}
    </>
  );
}
