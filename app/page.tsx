import Link from 'next/link';
import { redirect } from 'next/navigation';
import { sectionHref } from '@/components/shell/sections';
import { SiteFrame } from '@/components/shell/site-frame';
import { ArrowRightIcon } from '@/components/ui/icons';
import { getCurrentUser } from '@/lib/auth/session';
import { listMyTeams } from '@/lib/teams/queries';
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

/** Signed in: straight to the first team's incidents (or to creating a team). Visitors: the welcome. */
export default async function HomePage() {
  const user = await getCurrentUser();
  if (user) {
    const [first] = await listMyTeams(user.id);
    redirect(first ? sectionHref(first.slug, 'incidents') : '/teams/new');
  }
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
        <Link href="/sign-in" className="button button-primary">
          Sign in
          <ArrowRightIcon />
        </Link>
        <Link href="/sign-up" className="button">
          Create an account
        </Link>
        <p className={styles.note}>
          Trying the embedded demo? <code>npm start</code> prints the demo sign-in.
        </p>
      </div>
    </SiteFrame>
  );
}
