import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import { MAX_ROW_VERSION, VERSION_TOO_LARGE } from '@/lib/row-version';
import { WEBHOOK_EVENTS } from './events';

/** Shared by the settings forms and the domain layer (lib/webhooks/mutations.ts). */

export const MAX_URL_LENGTH = 2_000;
export const MAX_DESCRIPTION_LENGTH = 200;

export const webhookUrlSchema = pgText('Enter the URL that should receive the events.')
  .trim()
  .min(1, 'Enter the URL that should receive the events.')
  .max(MAX_URL_LENGTH, `Use at most ${MAX_URL_LENGTH} characters.`)
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Enter a full URL, e.g. https://hooks.example.com/hindsight.' });
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') ctx.addIssue({ code: 'custom', message: 'Use an http:// or https:// URL.' });
    // Credentials in the URL would be shown in the settings list and the audit log; the
    // signature header is how a receiver authenticates Hindsight.
    else if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'Leave user name and password out of the URL; verify the signature header instead.' });
  });

export const webhookEventsSchema = z
  .array(z.enum(WEBHOOK_EVENTS, 'Pick events from the list.'), 'Pick at least one event.')
  .min(1, 'Pick at least one event.')
  .transform((events) => WEBHOOK_EVENTS.filter((e) => events.includes(e)));

export const webhookDescriptionSchema = pgText()
  .trim()
  .max(MAX_DESCRIPTION_LENGTH, `Use at most ${MAX_DESCRIPTION_LENGTH} characters.`)
  .default('');

export const createEndpointSchema = z.object({
  url: webhookUrlSchema,
  description: webhookDescriptionSchema,
  events: webhookEventsSchema,
});

export const updateEndpointSchema = z.object({
  url: webhookUrlSchema,
  description: webhookDescriptionSchema,
  events: webhookEventsSchema,
  enabled: z.boolean().default(true),
  version: z.coerce.number('Reload the page and try again.').int().min(1).max(MAX_ROW_VERSION, VERSION_TOO_LARGE),
});

export const endpointIdSchema = z.uuid('That webhook endpoint does not exist on this team.');

export type CreateEndpointInput = z.infer<typeof createEndpointSchema>;
export type UpdateEndpointInput = z.infer<typeof updateEndpointSchema>;
