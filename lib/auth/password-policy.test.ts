import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('requires the minimum length', () => {
    expect(passwordProblem('short1!')).toMatch(/at least 10/);
  });

  it('refuses common breached passwords and their decorated variants', () => {
    for (const p of ['password123', 'Password123!', 'P@ssw0rd2024', 'qwertyuiop', '1234567890', 'Iloveyou!!!', 'monkey123456', 'aaaaaaaaaaaa'])
      expect(passwordProblem(p), p).not.toBeNull();
  });

  it('refuses the email name inside the password', () => {
    expect(passwordProblem('dana.smith-rocks-2024', 'dana.smith@example.com')).toMatch(/email name/);
  });

  it('accepts a reasonable passphrase', () => {
    expect(passwordProblem('correct horse battery staple', 'dana@example.com')).toBeNull();
    expect(passwordProblem('hindsight-demo', 'demo@hindsight.local')).toBeNull();
  });
});
