/**
 * The page audits of npm run bench: Lighthouse (desktop preset, simulated throttling) and axe on
 * the main pages of the demo team, in Debian's Chromium driven by Playwright. Prints scores; it
 * never fails on them.
 */
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from '@playwright/test';
import { freePort } from './embedded-postgres';

export interface PageAudit {
  path: string;
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  /** Largest Contentful Paint and Total Blocking Time as Lighthouse simulated them, in ms. */
  lcpMs: number | null;
  tbtMs: number | null;
  axe: Record<'critical' | 'serious' | 'moderate' | 'minor', number>;
  axeRules: string[];
  /** Accessibility and best-practices audits that did not pass, by id. */
  lighthouseFindings: string[];
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

function cookieList(cookie: string, base: string) {
  return cookie.split('; ').map((pair) => {
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
  });
}

const score = (value: number | null | undefined) => (value == null ? null : Math.round(value * 100));

/** Lighthouse and axe for each path, signed in with `cookie` (the session cookie header). */
export async function auditPages(base: string, cookie: string, paths: string[]): Promise<PageAudit[]> {
  const port = await freePort();
  const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`] });
  const results: PageAudit[] = [];
  try {
    const context = await browser.newContext();
    await context.addCookies(cookieList(cookie, base));
    const page = await context.newPage();
    for (const path of paths) {
      const runner = await lighthouse(`${base}${path}`, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        extraHeaders: { cookie },
      }, desktopConfig);
      const lhr = runner?.lhr;
      await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
      for (const v of axe.violations) if (v.impact) counts[v.impact] += v.nodes.length;
      results.push({
        path,
        performance: score(lhr?.categories.performance?.score),
        accessibility: score(lhr?.categories.accessibility?.score),
        bestPractices: score(lhr?.categories['best-practices']?.score),
        lcpMs: lhr?.audits['largest-contentful-paint']?.numericValue ?? null,
        tbtMs: lhr?.audits['total-blocking-time']?.numericValue ?? null,
        axe: counts,
        axeRules: axe.violations.map((v) => `${v.id} (${v.impact})`),
        lighthouseFindings: lhr ? (['accessibility', 'best-practices'] as const).flatMap((id) =>
          (lhr.categories[id]?.auditRefs ?? []).filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1).map((ref) => ref.id)) : [],
      });
      console.error(`  audited ${path}`);
    }
  } finally {
    await browser.close();
  }
  return results;
}

export function printPageAudits(audits: PageAudit[]): void {
  const cell = (v: number | null, width: number) => String(v ?? '-').padStart(width);
  console.log('\nLighthouse (desktop) and axe (WCAG 2.1 AA), demo team');
  console.log('page                                   perf  a11y  best    LCP ms   TBT ms   axe crit/ser/mod/min');
  for (const a of audits) {
    console.log(`${a.path.padEnd(36)} ${cell(a.performance, 5)} ${cell(a.accessibility, 5)} ${cell(a.bestPractices, 5)} ${cell(a.lcpMs == null ? null : Math.round(a.lcpMs), 9)} ${cell(a.tbtMs == null ? null : Math.round(a.tbtMs), 8)}   ${a.axe.critical}/${a.axe.serious}/${a.axe.moderate}/${a.axe.minor}`);
  }
  const rules = [...new Set(audits.flatMap((a) => a.axeRules))];
  if (rules.length) console.log(`axe rules with findings: ${rules.join(', ')}`);
  for (const a of audits) if (a.lighthouseFindings.length) console.log(`lighthouse findings on ${a.path}: ${a.lighthouseFindings.join(', ')}`);
}
