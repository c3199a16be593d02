import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { auditCount, createTestTeam, errorCode, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { blamelessOptions, getAllowList, saveAllowList } from './allow-list';
import { countOpenFlags, findBlamingLanguage } from './blameless';
import { decideReview, getReviewState, publishPostmortem, reopenPostmortem, requestReview } from './review';

let team: TestTeam;
let admin: TestMember;
let editor: TestMember;

beforeAll(async () => {
  team = await createTestTeam('Allow list');
  admin = await team.add('admin', 'Ada Admin');
  editor = await team.add('editor', 'Ed Editor');
});

const TEXT = 'The Careless Whisper batch job ran twice. Nobody was paged.';

describe('the team’s blameless allow-list', () => {
  it('stops flagging a listed phrase everywhere the check runs, and flags it again once removed', async () => {
    const inc = await createIncident(team.id, { title: 'Double run', severity: 'SEV3', startedAt: '2026-05-01T09:00:00Z', sections: { summary: TEXT } });
    const bodies = [TEXT];
    expect(countOpenFlags(bodies, await blamelessOptions(editor.actor))).toBe(1);

    const start = await getAllowList(admin.actor);
    expect(start.phrases).toEqual([]);
    const saved = await saveAllowList(admin.actor, { phrases: '  careless   whisper \n\nCareless Whisper\nroot cause', version: start.version });
    expect(saved.phrases).toEqual(['Careless Whisper', 'root cause']);
    expect(await getAllowList(editor.actor)).toEqual({ phrases: ['Careless Whisper', 'root cause'], version: start.version + 1 });

    // The editor's live check, the open-flag count and publishing all use the team's list.
    const options = await blamelessOptions(editor.actor);
    expect(findBlamingLanguage(TEXT, options)).toEqual([]);
    expect(countOpenFlags(bodies, options)).toBe(0);
    await requestReview(editor.actor, inc.id, { reviewerIds: [admin.userId] });
    await decideReview(admin.actor, inc.id, { decision: 'approved', comments: '', version: 1 });
    expect(await publishPostmortem(editor.actor, inc.id)).toMatchObject({ openFlags: 0 });

    // Removed from the list: flagged again, in publishing too.
    await saveAllowList(admin.actor, { phrases: 'root cause', version: start.version + 1 });
    expect(countOpenFlags(bodies, await blamelessOptions(editor.actor))).toBe(1);
    await reopenPostmortem(admin.actor, inc.id, { reason: 'Check the flags again.' });
    await requestReview(editor.actor, inc.id, { reviewerIds: [admin.userId] });
    const again = (await getReviewState(admin.actor, inc.id)).reviews[0]!;
    await decideReview(admin.actor, inc.id, { decision: 'approved', comments: '', version: again.version });
    expect(await publishPostmortem(editor.actor, inc.id)).toMatchObject({ openFlags: 1 });

    const audits = await db.auditLog.findMany({ where: { teamId: team.id, action: 'team.blameless_allow_list_update' }, orderBy: { createdAt: 'asc' }, select: { before: true, after: true, actorId: true } });
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ actorId: admin.userId, before: { phrases: [] }, after: { phrases: ['Careless Whisper', 'root cause'] } });
  });

  it('is admin-only and version-checked; a stale save changes nothing', async () => {
    const { version, phrases } = await getAllowList(admin.actor);
    const audits = await auditCount(team.id);
    expect(await errorCode(saveAllowList(editor.actor, { phrases: 'anything', version }))).toBe('FORBIDDEN');
    expect(await errorCode(saveAllowList(admin.actor, { phrases: 'stale', version: version - 1 }))).toBe('CONFLICT');
    expect(await errorCode(saveAllowList(admin.actor, { phrases: 'x'.repeat(101), version }))).toBe('ZodError');
    expect(await getAllowList(admin.actor)).toEqual({ phrases, version });
    expect(await auditCount(team.id)).toBe(audits);
    // Another team's list is its own.
    const other = await (await createTestTeam('Other')).add('admin');
    expect((await getAllowList(other.actor)).phrases).toEqual([]);
  });
});
