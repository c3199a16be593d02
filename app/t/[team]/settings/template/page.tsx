import type { Metadata } from 'next';
import { teamSlugFromParam } from '@/components/shell/sections';
import { AdminOnly, unlessForbidden } from '@/components/tokens/admin-only';
import { PageHeader } from '@/components/ui/page-header';
import styles from '@/components/teams/settings-index.module.css';
import { authorize } from '@/lib/teams/access';
import { pageActor } from '@/lib/teams/session-actor';
import { listTemplate } from '@/lib/teams/template';
import { getAllowList } from '@/lib/postmortem/allow-list';
import { saveAllowListAction, saveTemplateAction } from './actions';
import { AllowListEditor } from './allow-list-editor';
import { TemplateEditor } from './template-editor';

export const metadata: Metadata = { title: 'Post-mortem template' };

async function loadForAdmin(actor: Parameters<typeof listTemplate>[0]) {
  authorize(actor, 'admin', 'edit the post-mortem template');
  const [sections, allowList] = await Promise.all([listTemplate(actor), getAllowList(actor)]);
  return { sections, allowList };
}

export default async function TemplatePage({ params }: { params: Promise<{ team: string }> }) {
  const slug = teamSlugFromParam((await params).team);
  const actor = await pageActor(slug, `/t/${encodeURIComponent(slug)}/settings/template`);
  const loaded = await unlessForbidden(loadForAdmin(actor));
  return (
    <>
      <PageHeader title="Post-mortem template" description="The sections every new post-mortem of this team starts with, the guidance shown to writers, and the words the blameless check allows." />
      {loaded ? (
        <>
          {/* Keyed on the versions: after a save the template editor starts again from what was stored. The
              allow-list form keeps its message; its version and text come fresh from the page. */}
          <TemplateEditor key={loaded.sections.map((s) => `${s.id}:${s.version}`).join()} sections={loaded.sections} action={saveTemplateAction.bind(null, slug)} />
          <section aria-labelledby="allow-list-title" className={styles.section}>
            <h2 id="allow-list-title" className={styles.heading}>
              Blameless allow-list
            </h2>
            <AllowListEditor phrases={loaded.allowList.phrases} version={loaded.allowList.version} action={saveAllowListAction.bind(null, slug)} />
          </section>
        </>
      ) : (
        <AdminOnly title="Only admins can edit the post-mortem template" />
      )}
    </>
  );
}
