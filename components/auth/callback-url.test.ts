import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './callback-url';

describe('safeCallbackUrl', () => {
  it('keeps same-site paths with their query and hash', () => {
    expect(safeCallbackUrl('/t/ops/incidents?status=open#top')).toBe('/t/ops/incidents?status=open#top');
    expect(safeCallbackUrl(['/account', '/other'])).toBe('/account');
  });

  it('falls back for anything that could leave the site', () => {
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', '\\\\evil', 'javascript:alert(1)', 'evil', '/\t/evil.example', ''])
      expect(safeCallbackUrl(bad)).toBe('/');
    expect(safeCallbackUrl(undefined, '/teams/new')).toBe('/teams/new');
  });

  it('does not bounce back to the sign-in or sign-up page', () => {
    expect(safeCallbackUrl('/sign-in?callbackUrl=/x')).toBe('/');
    expect(safeCallbackUrl('/sign-up')).toBe('/');
  });
});
