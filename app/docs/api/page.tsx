import type { Metadata } from 'next';
import { headers } from 'next/headers';
import styles from '@/components/api-reference/api-reference.module.css';
import { OperationSection } from '@/components/api-reference/operation-section';
import { referenceModel, shapeModel } from '@/components/api-reference/reference-model';
import { ShapeList } from '@/components/api-reference/shape-list';
import { SignedInHeader } from '@/components/shell/signed-in-header';
import { SiteFrame } from '@/components/shell/site-frame';
import { PageHeader } from '@/components/ui/page-header';
import { openApiDocument } from '@/lib/api/openapi/document';
import { getCurrentUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'API reference' };

/** This server's address as the browser reached it, for copy-paste curl examples. */
async function origin(): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}

/** The API reference, public like the document it renders (it describes the API, never data). */
export default async function ApiReferencePage() {
  const [user, base] = await Promise.all([getCurrentUser(), origin()]);
  const document = openApiDocument();
  const tags = referenceModel(document, base);
  // Request bodies are shown with their operation; the shapes part lists what responses hold.
  const requestBodies = new Set(tags.flatMap((t) => t.operations.map((op) => op.bodyName)));
  const shapes = shapeModel(document).filter((s) => !requestBodies.has(s.name));
  const shapeNames = new Set(shapes.map((s) => s.name));
  return (
    <SiteFrame headerEnd={user ? <SignedInHeader name={user.name} /> : undefined}>
      <PageHeader
        title="API reference"
        description={`Hindsight ${String(document.info.version)}. Every call needs a team API token (an admin creates one under Settings › API tokens) sent as Authorization: Bearer <token>; it acts on its team with its role.`}
      />
      <p className={styles.lead}>
        The same reference as an OpenAPI 3.1 document, for code generators and API tools:{' '}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. Errors are JSON with <code>error</code>, <code>message</code> and{' '}
        <code>requestId</code>; a 422 lists each bad field in <code>fields</code>, a 409 holds the <code>current</code> state.
      </p>
      <nav className={styles.index} aria-labelledby="api-index-title">
        <h2 id="api-index-title" className={styles.indexTitle}>
          On this page
        </h2>
        <ul className={styles.indexList}>
          {tags.map((tag) => (
            <li key={tag.slug}>
              <a href={`#${tag.slug}`}>{tag.name}</a>
              <ul>
                {tag.operations.map((op) => (
                  <li key={op.id}>
                    <a href={`#op-${op.id}`}>
                      <span className={styles.indexMethod}>{op.method}</span> {op.path}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#shapes">Shapes</a>
          </li>
        </ul>
      </nav>
      {tags.map((tag) => (
        <section key={tag.slug} className={styles.tag} aria-labelledby={tag.slug}>
          <h2 id={tag.slug} className={styles.tagTitle}>
            {tag.name}
          </h2>
          <p className={styles.text}>{tag.description}</p>
          {tag.operations.map((op) => (
            <OperationSection key={op.id} op={op} shapes={shapeNames} />
          ))}
        </section>
      ))}
      <ShapeList shapes={shapes} />
    </SiteFrame>
  );
}
