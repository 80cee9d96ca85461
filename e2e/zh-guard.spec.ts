import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { isCheckCode } from '../src/domain/receipts';
import { expect, test } from './helpers';

/**
 * The automatic guard against English in the Chinese UI (issue 14 item 3): every demo role, in zh-CN at
 * 1366×768, opens the dashboard and every entry of its rendered menu (so new entries are covered without
 * touching this file) and the show page of each list's first row, and fails when the visible text carries a
 * Latin word that is not a code on the allow-list below, or when the page is wider than the window.
 * All problems of a role are collected and reported in one failure, so one run shows everything.
 */

const ROLES = [
  'admin',
  'finance',
  'treasury',
  'police',
  'auditor',
  'unit',
  'unit_market',
  'dept_market',
  'bank_icbc',
] as const;

/**
 * Latin tokens that are genuinely codes; each one must match a whole token. Keep it tight: an ordinary
 * English word ("bank", "import", "manual", "sign_off", "Collection", "fen", "null", "undefined", "NaN",
 * "Invalid Date") must never pass.
 */
const ALLOWED: { pattern: RegExp; why: string }[] = [
  // Bank codes prefix ids the banks issue: ICBC2025111000003990 (bank transaction id of a collection).
  { pattern: /^(ICBC|ABC|BOC|CCB)\d{12,20}$/, why: 'bank transaction id' },
  // ICBCRT20260311A3: a bank's remittance transfer reference (凭证号) that treasury entries quote.
  { pattern: /^(ICBC|ABC|BOC|CCB)RT\d{8}A\d{1,3}$/, why: 'remittance transfer reference' },
  // QCK-2025-ICBC-003: the agreement number (协议编号).
  { pattern: /^QCK-\d{4}-(ICBC|ABC|BOC|CCB)-\d{3}$/, why: 'agreement number' },
  // Plates after the province character (青A12345, with a digit), masked as 青A***M0.
  { pattern: /^[A-Z](?=[A-Z0-9]*\d)[A-Z0-9]{5,6}$/, why: 'plate' },
  { pattern: /^[A-Z][A-Z0-9]?\*{2,}[A-Z0-9]{1,3}$/, why: 'masked plate' },
  // The e-receipt's check code 校验码 printed on it: 39EGF8 (six letters and digits, both present).
  { pattern: /^(?=[A-Z]*\d)(?=\d*[A-Z])[0-9A-Z]{6}$/, why: 'e-receipt check code' },
  // The audit chain's SHA-256 hashes (前一哈希 / 哈希).
  { pattern: /^[0-9a-f]{64}$/, why: 'audit hash' },
  // Ids banks, simulators and other specs create: ICBCSIM…, BOCE2E…, ICBC…OFFSET (statement references).
  { pattern: /^(ICBC|ABC|BOC|CCB)[A-Z0-9]{6,40}$/, why: 'bank transaction id or statement reference' },
  // A statement line's reference suffix in the reconciliation demo data (…OFFSET:offset).
  { pattern: /^offset$/, why: 'statement reference suffix (data)' },
  // A bank's code as a record id in the audit log (2026-02/ICBC).
  { pattern: /^(ICBC|ABC|BOC|CCB)$/, why: 'bank code as record id' },
  // Decision numbers and agreement numbers other specs create (6301020100E2E2, QCK-E2E-CCB-100).
  { pattern: /^\d{8,}[A-Z][A-Z0-9]*$/, why: 'decision number made by a spec' },
  { pattern: /^QCK-[A-Z0-9]+-(ICBC|ABC|BOC|CCB)-\d{3}$/, why: 'agreement number made by a spec' },
  // Machine-API key ids (icbc-516f755fc3e9).
  { pattern: /^(icbc|abc|boc|ccb|police|treasury)-[0-9a-f]{12}$/, why: 'API key id' },
  // Masked ID numbers (110105********002X).
  { pattern: /^\d{6}\*+\d{3}[0-9X]$/, why: 'masked ID number' },
  // Acronyms the Chinese UI uses on purpose.
  { pattern: /^(IP|API|CSV|PDF|JSON|JPEG|PNG|MiB)$/, why: 'acronym used in Chinese texts' },
];

/**
 * A show page renders the same fields for every role, so each resource's show page is checked once, by the
 * first role that lists it (keeps the spec fast); the lists themselves are checked for every role.
 */
const shownOnce = new Set<string>();

const TOKEN = /[A-Za-z0-9_*][A-Za-z0-9_.*-]*[A-Za-z0-9_*]|[A-Za-z]/g;

/** Right after its label, an e-receipt's check code may be letters only (VNCWME): it is random. */
const CHECK_CODE_LABEL = /校验码\s*$/;

function latinProblems(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const token = m[0];
    if (!/[A-Za-z]/.test(token)) continue;
    if (ALLOWED.some(({ pattern }) => pattern.test(token))) continue;
    const at = m.index ?? 0;
    if (isCheckCode(token) && CHECK_CODE_LABEL.test(text.slice(Math.max(0, at - 8), at))) continue;
    const context = text
      .slice(Math.max(0, at - 20), at + token.length + 20)
      .replace(/\s+/g, ' ')
      .trim();
    found.push(`"${token}" in «${context}»`);
  }
  return found;
}

/**
 * The visible text of app bar, menu and main content: innerText skips hidden elements. Identifiers people
 * type as they are (login names) are marked `translate="no"` in the product and left out here.
 */
const visibleText = (page: Page) =>
  page.evaluate(() => {
    const marked = [...document.querySelectorAll<HTMLElement>('[translate="no"]')];
    for (const el of marked) el.style.visibility = 'hidden';
    const text = ['.RaAppBar-toolbar', '.RaSidebar-fixed', '#main-content']
      // biome-ignore lint/performance/useDomNodeTextContent: innerText leaves hidden elements out, which is the point
      .map((s) => document.querySelector<HTMLElement>(s)?.innerText ?? '')
      .join('\n');
    for (const el of marked) el.style.visibility = '';
    return text;
  });

/** Data loaded: nothing spins, no skeleton, and a list shows rows or its empty state. */
async function settled(page: Page): Promise<string | null> {
  const ready = await page
    .waitForFunction(
      () => {
        const main = document.querySelector('#main-content');
        if (!main || main.textContent?.trim() === '') return false;
        // The app bar's loader spins while any query runs; skeletons and placeholders while a list waits.
        if (
          document.querySelector(
            '[role="progressbar"]:not(.MuiLinearProgress-determinate), .MuiSkeleton-root, .RaPlaceholder-root',
          )
        )
          return false;
        const table = main.querySelector('.RaList-main table');
        return !table || table.querySelector('tbody tr') !== null;
      },
      undefined,
      { timeout: 10_000 },
    )
    .then(() => true)
    .catch(() => false);
  if (ready) return null;
  return page.evaluate(() => {
    const main = document.querySelector('#main-content');
    const spin = document.querySelector(
      '[role="progressbar"]:not(.MuiLinearProgress-determinate), .MuiSkeleton-root',
    );
    return `${location.hash} did not finish loading in 10 s (spinner: ${spin ? spin.className : 'none'}; list: ${
      main?.querySelector('.RaList-main') ? 'yes' : 'no'
    }; text: ${main?.textContent?.slice(0, 80)})`;
  });
}

async function check(page: Page, where: string, problems: string[]) {
  const stuck = await settled(page);
  if (stuck) problems.push(`${where}: ${stuck}`);
  const words = latinProblems(await visibleText(page));
  if (words.length) problems.push(`${where}: ${words.join('; ')}`);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  if (scrollWidth > innerWidth + 1)
    problems.push(`${where}: page is ${scrollWidth} px wide at ${innerWidth} px`);
}

// A role opens 20–40 pages; on a busy CI machine that can take longer than the default 60 s.
test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });

test('the allow-list lets codes through and English words not', () => {
  const codes =
    '青A***M0 青B12345 ICBC2025111000003990 ICBCRT20260311A3 QCK-2025-ICBC-003 校验码 39EGF8 IP 地址 CSV';
  expect(latinProblems(codes)).toEqual([]);
  expect(latinProblems('校验码 VNCWME')).toEqual([]);
  expect(latinProblems('状态 EXPORT')).toHaveLength(1);
  const words = ['bank', 'import', 'manual', 'official', 'sign_off', 'approve', 'Collection', 'fen', 'null'];
  const leaks = `责任方 ${words.join(' 与 ')} undefined NaN Invalid Date 2026-11-02T02:07:24.000Z`;
  expect(latinProblems(leaks).map((p) => p.split('"')[1])).toEqual([
    ...words,
    'undefined',
    'NaN',
    'Invalid',
    'Date',
    '2026-11-02T02',
    '24.000Z',
  ]);
});

for (const role of ROLES) {
  test(`zh-CN guard: ${role} sees no English and no overflow`, async ({ openAs }) => {
    const page = await openAs(role);
    const sidebar = page.locator('.RaSidebar-fixed');
    const items = sidebar.getByRole('menuitem');
    await expect(items.first()).toBeVisible();
    const entries = await items.evaluateAll((els) =>
      // biome-ignore lint/performance/useDomNodeTextContent: innerText keeps the label and its count chip apart
      els.map((el) => ({ href: el.getAttribute('href') ?? '', name: (el as HTMLElement).innerText.trim() })),
    );
    const problems: string[] = [];
    let shots = 0;
    for (const { href, name } of entries) {
      const label = name.split('\n')[0];
      await sidebar.locator(`a[href="${href}"]`).click();
      await expect(sidebar.locator(`a[href="${href}"]`)).toHaveClass(/RaMenuItemLink-active/);
      await check(page, `${role} › ${label}`, problems);
      if (shots < 3 && (href === '#/' || shots > 0 || (await page.locator('tbody tr').count()) > 0)) {
        await page.screenshot({ path: `test-results/zh-guard/${role}-${shots}.png` });
        shots++;
      }
      // The first row's show page, where the list opens one.
      const row = page.locator('#main-content .RaList-main [class*="-clickableRow"]').first();
      if (shownOnce.has(href) || (await row.count()) === 0) continue;
      shownOnce.add(href);
      const listUrl = page.url();
      await row.click();
      await expect(page).not.toHaveURL(listUrl);
      await check(page, `${role} › ${label} › 详情`, problems);
    }
    await writeFile(`test-results/zh-guard/${role}.txt`, problems.join('\n')).catch(() => undefined);
    expect(problems, problems.join('\n')).toEqual([]);
  });
}
