import Link from 'next/link';
import { formatInZone, utcTitle } from '@/components/incidents/format';
import type { EndpointSummary } from '@/lib/webhooks/queries';
import { DeleteEndpointButton, RotateSecretButton, TestEventButton, ToggleEnabledButton, type EndpointActions } from './endpoint-controls';
import { EndpointForm } from './endpoint-form';
import styles from './webhooks.module.css';

export function DeliveryStatusBadge({ status, statusCode }: { status: string; statusCode: number | null }) {
  const tone = status === 'succeeded' ? styles.ok : status === 'failed' ? styles.bad : '';
  const label = status === 'succeeded' ? 'Delivered' : status === 'failed' ? 'Failed' : 'Retrying';
  return (
    <span className={`${styles.badge} ${tone}`}>
      {label}
      {statusCode ? ` (${statusCode})` : ''}
    </span>
  );
}

/** The team's endpoints, each with its events, state, last delivery and controls. */
export function EndpointList({ endpoints, zone, logHref, actionsFor }: { endpoints: EndpointSummary[]; zone: string; logHref: (id: string) => string; actionsFor: (id: string) => EndpointActions }) {
  return (
    <ul className={styles.list}>
      {endpoints.map((e) => {
        const actions = actionsFor(e.id);
        const label = e.description || e.url;
        return (
          <li key={e.id} className={styles.card} aria-labelledby={`endpoint-${e.id}`}>
            <div className={styles.cardHead}>
              <span id={`endpoint-${e.id}`} className={styles.url}>
                {e.url}
              </span>
              <span className={`${styles.badge} ${e.enabled ? styles.ok : ''}`}>{e.enabled ? 'Enabled' : 'Disabled'}</span>
            </div>
            {e.description ? <p className={styles.meta}>{e.description}</p> : null}
            <p className={styles.meta}>Events: {e.events.join(', ')}</p>
            <p className={styles.meta}>
              Last delivery:{' '}
              {e.lastDelivery ? (
                <>
                  <DeliveryStatusBadge status={e.lastDelivery.status} statusCode={e.lastDelivery.statusCode} /> {e.lastDelivery.event},{' '}
                  <time dateTime={e.lastDelivery.at.toISOString()} title={utcTitle(e.lastDelivery.at)}>
                    {formatInZone(e.lastDelivery.at, zone)}
                  </time>
                </>
              ) : (
                'none yet'
              )}{' '}
              · <Link href={logHref(e.id)}>Delivery log</Link>
            </p>
            <div className={styles.test}>
              <TestEventButton action={actions.test} label={label} />
            </div>
            <div className={styles.controls}>
              <ToggleEnabledButton action={actions.update} endpoint={e} />
              <RotateSecretButton action={actions.rotate} id={e.id} label={label} />
              <DeleteEndpointButton action={actions.remove} label={label} />
            </div>
            <details className={styles.edit}>
              <summary>Edit endpoint</summary>
              <div className={styles.editBody}>
                <EndpointForm action={actions.update} prefix={`edit-${e.id}`} defaults={e} submitLabel="Save changes" />
              </div>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
