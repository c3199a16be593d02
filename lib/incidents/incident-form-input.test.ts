import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { formServices, incidentFormInput } from './incident-form-input';

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  return data;
}

const base = { title: 'Checkout errors', severity: 'SEV2', startedAt: '2026-03-09T10:00' };

describe('incidentFormInput', () => {
  it('reads times in the given zone', () => {
    const input = incidentFormInput(form({ ...base, detectedAt: '2026-03-09T10:05:30' }), 'America/Los_Angeles', 'create');
    expect((input.startedAt as Date).toISOString()).toBe('2026-03-09T17:00:00.000Z');
    expect((input.detectedAt as Date).toISOString()).toBe('2026-03-09T17:05:30.000Z');
    expect(input.resolvedAt).toBeUndefined();
  });

  it('keeps the stored instant (milliseconds included) of a time left as shown, and clears emptied ones on update', () => {
    const input = incidentFormInput(
      form({ ...base, startedAtOriginal: '2026-03-09T17:00:00.123Z', mitigatedAt: '', mitigatedAtOriginal: '2026-03-09T18:00:00Z' }),
      'America/Los_Angeles',
      'update',
    );
    expect((input.startedAt as Date).toISOString()).toBe('2026-03-09T17:00:00.123Z');
    expect(input.mitigatedAt).toBeNull();
  });

  it('reports unreadable or missing times on their own field', () => {
    try {
      incidentFormInput(form({ ...base, startedAt: '', detectedAt: '2026-02-31T10:00' }), 'UTC', 'create');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).details.fields?.map((f) => f.path[0])).toEqual(['startedAt', 'detectedAt']);
    }
  });

  it('merges picked and typed services', () => {
    expect(formServices(form({ services: ['api', 'db'], newServices: ' edge, api ,, ' }))).toEqual(['api', 'db', 'edge']);
  });
});
