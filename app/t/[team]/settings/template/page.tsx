import type { Metadata } from 'next';
import { teamSlugFromParam } from '@/components/shell/sections';
import { AdminOnly, unlessForbidden } from '@/components/tokens/admin-only';
import { PageHeader } from '@/components/ui/page-header';
import { authorize } from '@/lib/teams/access';
import { pageActor } from '@/lib/teams/session-actor';
import { listTemplate } from '@/lib/teams/template';
import { saveTemplateAction } from './actions';
import { TemplateEditor } from './template-editor';

export const metadata: Metadata = { title: 'Post-mortem template' };

async function loadForAdmin(actor: Parameters<typeof listTemplate>[0]) {
  authorize(actor, 'admin', 'edit the post-mortem template');
  return listTemplate(actor);
}

export default async function TemplatePage({ params }: { params: Promise<{ team: string }> }) {
  const slug = teamSlugFromParam((await params).team);
  const actor = await pageActor(slug, `/t/${encodeURIComponent(slug)}/settings/template`);
  const sections = await unlessForbidden(loadForAdmin(actor));
  return (
    <>
      <PageHeader title="Post-mortem template" description="The sections every new post-mortem of this team starts with, and the guidance shown to writers." />
      {sections ? (
        // Keyed on the versions: after a save the editor starts again from what was stored.
        <TemplateEditor key={sections.map((s) => `${s.id}:${s.version}`).join()} sections={sections} action={saveTemplateAction.bind(null, slug)} />
      ) : (
        <AdminOnly title="Only admins can edit the post-mortem template" />
      )}
    </>
  );
}
