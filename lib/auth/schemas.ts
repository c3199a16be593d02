import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import { MAX_PASSWORD_LENGTH, passwordProblem } from './password-policy';

export const emailSchema = pgText()
  .trim()
  .toLowerCase()
  .max(254, 'Email is too long')
  .pipe(z.email('Enter a valid email address'));

export const signInSchema = z.object({
  email: emailSchema,
  password: pgText().min(1, 'Enter your password').max(MAX_PASSWORD_LENGTH),
});

export const signUpSchema = z
  .object({
    name: pgText().trim().min(1, 'Enter your name').max(100, 'Use at most 100 characters'),
    email: emailSchema,
    password: pgText(),
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value.email);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });

export type SignUpInput = z.infer<typeof signUpSchema>;
