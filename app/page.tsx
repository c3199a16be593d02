import Link from 'next/link';
import { SiteFrame } from '@/components/shell/site-frame';
import { ArrowRightIcon } from '@/components/ui/icons';
import styles from '@/components/home/home.module.css';

const PILLARS = [
  {
    title: 'Blameless post-mortems',
    text: 'Write the post-mortem together, build the timeline, and name the systemic factors that made the incident possible, never a culprit.',
  },
  {
    title: 'Remediation tracking',
    text: 'Every action item has an owner and a due date, and stays in view until it is done or consciously dropped.',
  },
  {
    title: 'Honest MTTR and MTBF',
    text: 'Reliability trends computed from the incidents you recorded, with the definitions written down, not guessed.',
  },
] as const;

export default function HomePage() {
  return (
    <SiteFrame>
      <div className={styles.hero}>
        <h1 className={styles.title}>Learn from every incident, without blame.</h1>
        <p className={styles.lead}>
          Hindsight is a self-hosted home for your team’s blameless post-mortems, the remediation work that follows
          them, and honest reliability metrics.
        </p>
      </div>
      <ul className={styles.pillars}>
        {PILLARS.map((pillar) => (
          <li key={pillar.title} className={styles.pillar}>
            <h2 className={styles.pillarTitle}>{pillar.title}</h2>
            <p className={styles.pillarText}>{pillar.text}</p>
          </li>
        ))}
      </ul>
      <div className={styles.cta}>
        <Link href="/t/demo/incidents" className="button button-primary">
          Open the demo team
          <ArrowRightIcon />
        </Link>
        <p className={styles.note}>Accounts and sign-in arrive in a later build.</p>
      </div>
    </SiteFrame>
  );
}
