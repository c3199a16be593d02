import { formatInZone, utcTitle } from '@/components/incidents/format';
import type { IntegrationView } from '@/lib/alerts/queries';
import { ALERT_SOURCE_LABELS, type AlertSourceName } from '@/lib/alerts/schemas';
import { PAGERDUTY_STEPS } from '@/lib/alerts/snippets';
import type { FormState } from '@/lib/forms';
import { CopyBox } from './copy-box';
import { SecretForm } from './secret-form';
import { SettingsForm } from './settings-form';
import tokens from '@/components/tokens/tokens.module.css';
import styles from './alerts.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

const AUTH: Record<AlertSourceName, string> = {
  alertmanager: 'Alertmanager sends the secret as Authorization: Bearer <secret> (http_config.authorization).',
  pagerduty: 'PagerDuty signs every delivery (X-PagerDuty-Signature) with the signing secret it generated.',
  generic: 'Sign the raw body: X-Hindsight-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>.',
};

interface Props {
  source: AlertSourceName;
  integration: IntegrationView | null;
  url: string;
  zone: string;
  actions: { connect: Action; rotate: Action; save: Action };
}

/** One alert source: how to connect it, or its URL, secret rotation and settings. */
export function IntegrationCard({ source, integration, url, zone, actions }: Props) {
  const titleId = `${source}-title`;
  return (
    <section className={styles.card} aria-labelledby={titleId}>
      <div className={styles.cardHeader}>
        <h2 id={titleId} className={styles.cardTitle}>
          {ALERT_SOURCE_LABELS[source]}
        </h2>
        <span className={`${tokens.badge} ${integration?.enabled ? tokens.badgeActive : ''}`}>{!integration ? 'Not connected' : integration.enabled ? 'Enabled' : 'Disabled'}</span>
      </div>
      <p className={styles.text}>{AUTH[source]}</p>
      {source === 'pagerduty' ? (
        <ol className={styles.steps}>
          {PAGERDUTY_STEPS.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      ) : null}
      <CopyBox id={`${source}-url`} label="Webhook URL" value={url} />
      {integration ? (
        <>
          <p className={styles.text}>
            Last delivery:{' '}
            {integration.lastReceivedAt ? <time dateTime={integration.lastReceivedAt.toISOString()} title={utcTitle(integration.lastReceivedAt)}>{formatInZone(integration.lastReceivedAt, zone)}</time> : 'none yet'}
            .
          </p>
          <SettingsForm action={actions.save} integration={integration} />
          <h3 className={styles.subTitle}>Secret</h3>
          <p className={styles.text}>The secret is shown only when it is created. Rotating it refuses the old one at once: update the sender right after.</p>
        </>
      ) : null}
      {/* One form at one place for connect and rotate: it stays mounted when the source becomes
          connected, so the secret it just received is still shown. */}
      <SecretForm action={integration ? actions.rotate : actions.connect} source={source} url={url} version={integration?.version} />
    </section>
  );
}
