/**
 * Property-based fuzzing of every server action (each export of an app/ module that starts with
 * 'use server'), called directly as a signed-in member (or a visitor) against
 * real PostgreSQL, with generated FormData and arguments: valid-shaped values from the zod schemas
 * (lib/**\/schemas.ts) and seeded ids, and junk (odd Unicode, wrong types, huge values, files where
 * text is expected, prototype-pollution keys). redirect()/notFound() are fine; any other thrown
 * error is what Next answers with a 500. Returned states must not carry a stack or database text.
 * Next's own decoding of action requests is fuzzed over HTTP in e2e/fuzz-http.spec.ts.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { paramArb } from './fuzz/action-args';
import { discoverActions, type ActionEntry } from './fuzz/discover';
import { asRequest } from './fuzz/next-mocks';
import { checkAction } from './fuzz/outcome';
import { ROLES, seedFuzzWorld, type FuzzWorld } from './fuzz/seed';
import { FUZZ_SCALE, fuzzRuns } from '@/scripts/testing/fuzz-runs';

vi.hoisted(() => {
  process.env.LOG_LEVEL = 'error'; // the expected refusals would drown a real failure
});
vi.mock('next-auth', async (original) => ({ ...(await original<object>()), getServerSession: (await import('./fuzz/next-mocks')).getServerSession }));
vi.mock('next/headers', async () => (await import('./fuzz/next-mocks')).nextHeaders);
vi.mock('next/cache', async () => (await import('./fuzz/next-mocks')).nextCache);

const NUM_RUNS = fuzzRuns(200);
const BATCH = 8;
const MIB = 1024 * 1024;
/** Actions that remove members or change roles get a team of their own, so the others keep theirs. */
const OWN_TEAM = /settings\/members\/|account\//;

const actions = await discoverActions();
let shared: FuzzWorld;

beforeAll(async () => {
  shared = await seedFuzzWorld('Fuzz actions');
});

const persona = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ROLES) }, { weight: 1, arbitrary: fc.constant('visitor' as const) });

async function argsArb(world: FuzzWorld, entry: ActionEntry): Promise<fc.Arbitrary<unknown[]>> {
  const arbs = await Promise.all(entry.params.map((name) => paramArb(world, entry, name)));
  return fc.tuple(...arbs.map((a) => a!));
}

/** One 5 MiB string in every field and argument: what an oversized submit carries. */
function oversizedArgs(world: FuzzWorld, entry: ActionEntry): unknown[] {
  const huge = '\u00e4'.repeat(5 * MIB);
  return entry.params.map((name) => {
    if (name === 'slug') return world.slug;
    if (name === '_prev') return {};
    if (name === 'form' || name === '_form') {
      const form = new FormData();
      for (const field of entry.fieldNames) form.append(field, huge);
      return form;
    }
    return huge;
  });
}

let nextIp = 0;

function call(world: FuzzWorld, entry: ActionEntry, who: (typeof ROLES)[number] | 'visitor', args: unknown[]): Promise<void> {
  const userId = who === 'visitor' ? null : world.members[who].userId;
  const headers = new Headers({ 'x-forwarded-for': `192.0.2.${nextIp++ % 250}` });
  return asRequest(userId, headers, () => checkAction(`${entry.id} as ${who}`, () => entry.fn(...args)));
}

describe('fuzzing every server action', () => {
  it('finds the server actions, all of them async functions', () => {
    expect(actions.length).toBeGreaterThan(40);
    for (const entry of actions) expect(typeof entry.fn, `${entry.id}: a 'use server' file may export only async functions`).toBe('function');
  });

  it('can generate every parameter of every action', async () => {
    const world = await seedFuzzWorld('Fuzz params');
    for (const entry of actions) for (const name of entry.params) expect(await paramArb(world, entry, name), `${entry.id}: no generator for parameter "${name}" (add one to lib/security/fuzz/action-args.ts)`).toBeDefined();
  });

  it.each(actions.map((a) => [a.id, a] as const))('%s: no generated input makes it throw or leak', async (_id, entry) => {
    const world = OWN_TEAM.test(entry.id) ? await seedFuzzWorld('Fuzz own') : shared;
    const batch = fc.array(fc.tuple(persona, await argsArb(world, entry)), { minLength: BATCH, maxLength: BATCH });
    await fc.assert(
      fc.asyncProperty(batch, async (calls) => {
        await Promise.all(calls.map(([who, args]) => call(world, entry, who, args)));
      }),
      { numRuns: NUM_RUNS / BATCH, examples: [[[['admin', oversizedArgs(world, entry)]]]] },
    );
  }, 60_000 * FUZZ_SCALE);
});
