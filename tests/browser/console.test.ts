import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD } from '@casework/identity';
import { makeResidentId } from '@casework/policy';
import {
  CHROMIUM,
  chromiumArgs,
  chromiumPresent,
  freshProfileDir,
  startConsoleApp,
  type ConsoleApp,
} from './console-fixture';

/**
 * What the page-side predicates read. They are functions, not strings: the console's CSP
 * (script-src 'self', no 'unsafe-eval') refuses Playwright's evaluation of string predicates.
 */
interface BrowserGlobals {
  document: {
    querySelector(s: string): { textContent: string | null } | null;
    querySelectorAll(s: string): { length: number };
  };
  location: { hash: string };
}

/*
 * The browser console (apps/web) in a real headless Chromium against the API on a fresh schema:
 * what a caseworker, a reviewer, an inspector and street staff see and can do.
 */

describe('the console is served by the API beside /api, /docs and /health', () => {
  let t: ConsoleApp;
  beforeAll(async () => {
    t = await startConsoleApp('web_static');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('serves index.html, the modules and the styles without a token; API routes still need one', async () => {
    const index = await fetch(`${t.baseUrl}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(await index.text()).toContain('<html lang="zh-CN">');
    const js = await fetch(`${t.baseUrl}/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${t.baseUrl}/styles.css`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/api/cases`)).status).toBe(401);
    expect((await fetch(`${t.baseUrl}/docs-json`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/health`)).headers.get('content-type')).toMatch(/json/);
    const missing = await fetch(`${t.baseUrl}/no-such-file.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
  });
});

/** What the page's elements look like to the assertions (this project compiles without the DOM library). */
type Tagged = { dataset: Record<string, string | undefined> };

const describeBrowser = chromiumPresent() ? describe : describe.skip;
const title = chromiumPresent()
  ? 'the console in headless Chromium'
  : `the console in headless Chromium (SKIPPED: ${CHROMIUM} is not installed)`;

describeBrowser(title, () => {
  let t: ConsoleApp;
  let context: BrowserContext;
  let page: Page;
  let profile: ReturnType<typeof freshProfileDir>;
  const pageErrors: string[] = [];
  let caseId = '';

  beforeAll(async () => {
    t = await startConsoleApp('web_browser');
    profile = freshProfileDir();
    context = await chromium.launchPersistentContext(profile.dir, {
      executablePath: CHROMIUM,
      headless: true,
      args: chromiumArgs(),
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    profile?.remove();
    await t?.close();
  });
  afterEach(() => {
    // A script error in the console is a failure of whichever test caused it.
    expect(pageErrors).toEqual([]);
  });

  /** A fresh page load as `username` (the query string forces a real navigation, not a hash change). */
  async function logIn(username: string) {
    await page.evaluate('sessionStorage.clear()').catch(() => undefined);
    await page.goto(`${t.baseUrl}/?as=${username}#/login`);
    await page.waitForSelector('form.login');
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', DEMO_PASSWORD);
    await page.click('form.login button[type=submit]');
    await page.waitForFunction(() => {
      const w = globalThis as unknown as BrowserGlobals;
      return (w.document.querySelector('#who')?.textContent?.length ?? 0) > 0 && !w.location.hash.startsWith('#/login');
    });
  }

  const openCase = async (id: string) => {
    await page.goto(`${t.baseUrl}/#/cases/${id}`);
    await page.waitForSelector(`article.case[data-case-id="${id}"]`);
  };

  const runCommand = async (command: string, fill: Record<string, string> = {}) => {
    const button = page.locator(`button.command[data-command="${command}"]`);
    await button.waitFor().catch(async (e) => {
      await page.screenshot({ path: '/tmp/console-missing-command.png', fullPage: true });
      throw new Error(
        `no ${command} button for ${await page.locator('#who').textContent()} on ${page.url()}: ${await page.locator('main').textContent()}; ${e}`,
      );
    });
    await button.click();
    const form = page.locator(`form.command-form[data-command="${command}"]`);
    await form.waitFor();
    for (const [name, value] of Object.entries(fill)) await form.locator(`[name="${name}"]`).fill(value);
    await form.locator('button[type=submit]').click();
  };

  it('rejects a wrong password in words and keeps the token only in sessionStorage', async () => {
    await page.goto(`${t.baseUrl}/`);
    await page.waitForSelector('form.login');
    await page.fill('input[name=username]', 'caseworker');
    await page.fill('input[name=password]', 'wrong-password');
    await page.click('form.login button[type=submit]');
    await expect(page.locator('.problem').textContent()).resolves.toContain('用户名或密码不正确');
    await logIn('caseworker');
    const stored = await page.evaluate<{ session: string | null; local: number }>(
      `({ session: sessionStorage.getItem('casework.session'), local: localStorage.length })`,
    );
    expect(JSON.parse(stored.session!)).toMatchObject({
      token: expect.any(String),
      user: { username: 'caseworker', role: 'caseworker' },
    });
    expect(stored.local).toBe(0);
    expect(page.url()).toMatch(/#\/cases$/);
    await page.click('#who button');
    await page.waitForSelector('form.login');
    await expect(page.evaluate('sessionStorage.length')).resolves.toBe(0);
    await logIn('caseworker');
  }, 60_000);

  it('a caseworker opens a case through the form: field errors next to the inputs, then the new case', async () => {
    await page.click('#nav a[href="#/open"]');
    await page.waitForSelector('select[name=programme]');
    await page.selectOption('select[name=programme]', 'STARTUP_ONE_OFF');
    const facts = JSON.parse(await page.inputValue('textarea[name=facts]'));
    expect(facts.founder.idNumber).toMatch(/^\d{17}[\dX]$/);

    // Name left blank and a malformed founder ID in the facts: the API names both, the form shows each where it belongs.
    await page.fill(
      'textarea[name=facts]',
      JSON.stringify({ ...facts, founder: { ...facts.founder, idNumber: '12345' } }, null, 2),
    );
    await page.fill('input[name=idNumber]', facts.founder.idNumber);
    await page.click('form button[type=submit]');
    const nameError = page.locator('label:has(input[name=name]) .field-error');
    await nameError.waitFor();
    expect(await nameError.textContent()).toBeTruthy();
    await expect(page.locator('label:has(textarea[name=facts]) .field-error').textContent()).resolves.toContain(
      'facts.founder.idNumber',
    );
    await expect(page.locator('.problem strong').first().textContent()).resolves.toContain('填写内容有误');
    await page.screenshot({ path: '/tmp/console-form-errors.png', fullPage: true });
    expect(page.url()).toMatch(/#\/open$/);

    // Not JSON at all: said before anything is sent.
    await page.fill('textarea[name=facts]', '{ founder: ');
    await page.click('form button[type=submit]');
    await expect(page.locator('.problem strong').first().textContent()).resolves.toContain('不是有效的 JSON');

    await page.fill('textarea[name=facts]', JSON.stringify(facts));
    await page.fill('input[name=name]', '【示例】浏览器测试');
    await page.click('form button[type=submit]');
    await page.waitForSelector('article.case');
    caseId = (await page.getAttribute('article.case', 'data-case-id'))!;
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.getAttribute('article.case', 'data-status')).resolves.toBe('submitted');
    await expect(page.locator('.trace tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.amount').textContent()).resolves.toContain('¥5,000.00');
    await expect(page.locator('.timeline li[data-type="CaseSubmitted"] .hash code').textContent()).resolves.toMatch(
      /^[0-9a-f]{10}…$/,
    );
    await expect(
      page.locator('button.command').evaluateAll((bs) => bs.map((b) => (b as unknown as Tagged).dataset.command)),
    ).resolves.toEqual(['accept', 'returnForSupplement', 'withdraw']);
  }, 60_000);

  it('shows the new case in the queue, and filters by state', async () => {
    await t.project();
    await page.goto(`${t.baseUrl}/#/cases`);
    const row = page.locator(`table.cases tr[data-case-id="${caseId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('【示例】浏览器测试');
    expect(await row.textContent()).toContain('一次性创业补贴');
    await page.selectOption('select[name=state]', 'approved');
    await page.waitForSelector('.empty');
    expect(page.url()).toContain('state=approved');
    await page.selectOption('select[name=state]', 'submitted');
    await page.locator(`table.cases tr[data-case-id="${caseId}"]`).waitFor();
    await page.screenshot({ path: '/tmp/console-queue.png', fullPage: true });
  }, 60_000);

  it('advances the case with command buttons, and says in words why the opener may not review it (403)', async () => {
    await openCase(caseId);
    await runCommand('accept', { note: '材料齐全，予以受理' });
    await page.waitForSelector('article.case[data-status="accepted"]');
    await expect(page.locator('.timeline li[data-type="CaseAccepted"]').textContent()).resolves.toContain('经办人');
    await page.locator('.flash').waitFor();

    await runCommand('passPreliminaryReview', { opinion: '同意' });
    const problem = page.locator('form.command-form .problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-status')).toBe('403');
    const words = await problem.textContent();
    expect(words).toContain('您无权进行此操作');
    expect(words).toContain('职责分离');
    expect(words).not.toMatch(/at \w+ \(|Error:/);
    await page.screenshot({ path: '/tmp/console-403.png', fullPage: true });
    await expect(page.getAttribute('article.case', 'data-status')).resolves.toBe('accepted');

    await logIn('caseworker2');
    await openCase(caseId);
    await runCommand('passPreliminaryReview', { opinion: '初审同意' });
    await page.waitForSelector('article.case[data-status="preliminary_review_passed"]');
    await expect(page.locator('.timeline li[data-type="PreliminaryReviewPassed"]').textContent()).resolves.toContain(
      '初审同意',
    );

    await logIn('reviewer');
    await openCase(caseId);
    await runCommand('passDistrictReview', { opinion: '复审同意' });
    await page.waitForSelector('article.case[data-status="district_review_passed"]');
    await expect(page.locator('.timeline li').count()).resolves.toBe(4);
    await page.screenshot({ path: '/tmp/console-case.png', fullPage: true });
  }, 90_000);

  it('says the case changed under the user (412) when another user moved it first', async () => {
    await openCase(caseId);
    // The reviewer's page still holds the old ETag while the case moves on through the API.
    const token = await t.login('reviewer2');
    const etag = (
      await fetch(`${t.baseUrl}/api/cases/${caseId}`, { headers: { authorization: `Bearer ${token}` } })
    ).headers.get('etag')!;
    const moved = await fetch(`${t.baseUrl}/api/cases/${caseId}/start-public-notice`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'if-match': etag, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(moved.status).toBe(200);
    await runCommand('startPublicNotice');
    const problem = page.locator('form.command-form .problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-status')).toBe('412');
    expect(await problem.textContent()).toContain('已被他人更新');
    await page.click('form.command-form button:has-text("刷新案件")');
    await page.waitForSelector('article.case[data-status="in_public_notice"]');
  }, 60_000);

  it('shows the case as it stood at an earlier version and at an earlier moment', async () => {
    await openCase(caseId);
    await expect(page.getAttribute('article.case', 'data-status')).resolves.toBe('in_public_notice');
    const card = page.locator('.as-of-card');
    await card.locator('input[name=asOfVersion]').fill('2');
    await card.locator('button[type=submit]').click();
    const then = card.locator('.as-of-result .then');
    await then.waitFor();
    expect(await then.getAttribute('data-status')).toBe('accepted');
    expect(await then.getAttribute('data-version')).toBe('2');
    expect(await then.textContent()).toContain('已受理');

    // By time: before the case was opened it did not exist yet (the API says so in words), at the test clock's now it is current.
    await card.locator('select[name=asOfBy]').selectOption('at');
    await expect(card.locator('input[name=asOfVersion]').isVisible()).resolves.toBe(false);
    await card.locator('input[name=asOfAt]').fill('2020-01-01T08:00:00');
    await card.locator('button[type=submit]').click();
    await card.locator('.as-of-result .problem').waitFor();
    await card.locator('input[name=asOfAt]').fill('2030-01-01T08:00:00');
    await card.locator('button[type=submit]').click();
    await card.locator('.as-of-result .then[data-status="in_public_notice"]').waitFor();
    await page.screenshot({ path: '/tmp/console-as-of.png', fullPage: true });
  }, 60_000);

  it('the inspector reads the audit trail, downloads it as CSV and verifies the ledger', async () => {
    await t.project();
    await logIn('inspector');
    await page.click('#nav a[href="#/audit"]');
    const rows = page.locator('table.audit tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(50);
    await page.fill('form.filters input[name=case]', caseId);
    await page.click('form.filters button[type=submit]');
    // The case's own events and the once-per-person benefit reservation made when it was opened.
    await page.waitForFunction(
      () => (globalThis as unknown as BrowserGlobals).document.querySelectorAll('table.audit tbody tr').length === 6,
    );
    await expect(rows.evaluateAll((rs) => rs.map((r) => (r as unknown as Tagged).dataset.type))).resolves.toEqual([
      'PublicNoticeStarted',
      'DistrictReviewPassed',
      'PreliminaryReviewPassed',
      'CaseAccepted',
      // Newest first: the reservation is written with the case in one atomic append, after its event.
      'BenefitReserved',
      'CaseSubmitted',
    ]);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('a.download[data-format=csv]')]);
    expect(csv.suggestedFilename()).toBe('audit-events.csv');
    const lines = readFileSync(await csv.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(7);

    await expect(page.locator('.ledger pre.digest-json').textContent()).resolves.toContain('"root"');
    await page.click('.ledger button:has-text("校验账本")');
    const verdict = page.locator('.ledger .verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('class')).toContain('ok');
    expect(await verdict.textContent()).toContain('校验通过');
    await page.screenshot({ path: '/tmp/console-audit.png', fullPage: true });
  }, 60_000);

  it('the inspector opens the anomaly list (and downloads it) and the accountability report', async () => {
    await expect(page.locator('#who').textContent()).resolves.toContain('纪检监察');
    await page.click('#nav a[href="#/anomalies"]');
    const rules = page.locator('table.rules tbody tr');
    await rules.first().waitFor();
    expect(await rules.count()).toBeGreaterThanOrEqual(10);
    const total = Number(/共 (\d+) 条线索/.exec((await page.locator('main').textContent())!)![1]);
    expect(total).toBeGreaterThan(0);
    await expect(page.locator('table.anomalies tbody tr').count()).resolves.toBe(total);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('a.download[data-format=csv]')]);
    expect(csv.suggestedFilename()).toMatch(/^anomalies-2020-11-16\.csv$/);
    expect(
      readFileSync(await csv.path(), 'utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/).length,
    ).toBeGreaterThan(total);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('a.download[data-format=xlsx]')]);
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await page.screenshot({ path: '/tmp/console-anomalies.png', fullPage: true });

    // A household behind a hit: the inspector's read is recorded, and there is nothing to change.
    await page.locator('table.anomalies tbody tr a[href^="#/households/"]').first().click();
    await page.waitForSelector('article.household');
    await expect(page.locator('article.household .notice').textContent()).resolves.toContain('本次查阅已记录');
    await expect(page.locator('button.command').count()).resolves.toBe(0);

    await page.click('#nav a[href="#/accountability"]');
    const units = page.locator('table.accountability').first().locator('tbody tr');
    await units.first().waitFor();
    // The browser-opened case was received by the district bureau.
    await expect(
      page.locator('table.accountability').first().locator('tr[data-key="DISTRICT_HRSS"]').textContent(),
    ).resolves.toMatch(/区人社局\s*[1-9]/);
    await expect(page.locator('main').textContent()).resolves.toContain('目标任务');
    await page.screenshot({ path: '/tmp/console-accountability.png', fullPage: true });

    await page.click('#nav a[href="#/payouts"]');
    await page.locator('table.payouts, .empty').first().waitFor();
  }, 60_000);

  it('street staff see only the households of their own street office, overdue ones highlighted, and open one', async () => {
    await logIn('street.xiyi');
    expect(page.url()).toMatch(/#\/households$/);
    const rows = page.locator('table.households tbody tr');
    await rows.first().waitFor();
    const offices = await rows.evaluateAll((rs) => rs.map((r) => (r as unknown as Tagged).dataset.streetOffice));
    expect(offices.length).toBeGreaterThan(0);
    expect(new Set(offices)).toEqual(new Set(['STREET_XIYI']));
    const {
      rows: [{ n }],
    } = await t.db.adminPool.query(
      `select count(*)::int as n from household_board where street_office = 'STREET_XIYI'`,
    );
    await expect(page.locator('.pager span').textContent()).resolves.toContain(`共 ${n} 条`);
    const overdue = await page.locator('table.households tbody tr.overdue').count();
    expect(overdue).toBeGreaterThan(0);
    await expect(
      page.locator('table.households tbody tr.overdue .badge.danger').count(),
    ).resolves.toBeGreaterThanOrEqual(overdue);
    await expect(page.locator('#nav a[href="#/audit"]').count()).resolves.toBe(0);
    await page.screenshot({ path: '/tmp/console-households.png', fullPage: true });

    await page.selectOption('select[name=overdue]', 'visit');
    await page.waitForFunction(() => (globalThis as unknown as BrowserGlobals).location.hash.includes('overdue=visit'));
    await page.locator('table.households tbody tr, .empty').first().waitFor();

    await page.goto(`${t.baseUrl}/#/households`);
    await rows.first().locator('a').click();
    await page.waitForSelector('article.household');
    await expect(page.locator('article.household .timeline li').count()).resolves.toBeGreaterThan(0);

    // Another office's household by its address: refused in words, not a blank page.
    const {
      rows: [other],
    } = await t.db.adminPool.query(
      `select household_id from household_board where street_office <> 'STREET_XIYI' limit 1`,
    );
    await page.goto(`${t.baseUrl}/#/households/${other.household_id}`);
    const problem = page.locator('.problem');
    await problem.waitFor();
    expect(Number(await problem.getAttribute('data-status'))).toBeGreaterThanOrEqual(400);
  }, 60_000);

  it('street staff record a visit that raises a risk, then eliminate it; the board follows; a bad date is shown under its input', async () => {
    await expect(page.locator('#nav a[href="#/anomalies"]').count()).resolves.toBe(0);
    await expect(page.locator('#nav a[href="#/accountability"]').count()).resolves.toBe(1);
    const {
      rows: [{ household_id: id }],
    } = await t.db.adminPool.query(
      `select household_id from household_board where street_office = 'STREET_XIYI' and open_risks = 0 order by household_id limit 1`,
    );
    const boardRow = page.locator(`table.households tr[data-household-id="${id}"]`);
    const board = async () => {
      await page.goto(`${t.baseUrl}/#/households?openRisks=true&as=${Date.now()}`);
      await page.locator('table.households tbody tr, .empty').first().waitFor();
    };
    await board();
    await expect(boardRow.count()).resolves.toBe(0);

    await page.goto(`${t.baseUrl}/#/households/${id}`);
    await page.waitForSelector('article.household');
    const version = Number(await page.getAttribute('article.household', 'data-version'));
    await expect(page.locator('button.command').count()).resolves.toBe(13);
    await page.click('button.command[data-command=recordVisit]');
    const form = page.locator('form.command-form[data-command=recordVisit]');
    await form.waitFor();
    await expect(form.locator('[name=date]').inputValue()).resolves.toBe('2020-11-16');
    await expect(form.locator('label:has([name=risks]) .hint').textContent()).resolves.toContain('severity');
    await form.locator('[name=visitor]').fill('【示例】郑街道');
    await form.locator('[name=findings]').fill('户主务工收入不稳定');
    await form.locator('[name=nextVisitDue]').fill('2020-11-01');
    await form
      .locator('[name=risks]')
      .fill(JSON.stringify([{ riskId: 'r-browser', description: '务工收入中断', severity: 'high' }]));
    await form.locator('button[type=submit]').click();
    const dueError = form.locator('label:has([name=nextVisitDue]) .field-error');
    await dueError.waitFor();
    expect(await dueError.textContent()).toContain('2020-11-16');
    await expect(form.locator('.problem strong').textContent()).resolves.toContain('填写内容有误');
    await page.screenshot({ path: '/tmp/console-household-error.png', fullPage: true });

    await form.locator('[name=nextVisitDue]').fill('2020-12-16');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector(`article.household[data-version="${version + 2}"]`);
    await expect(page.locator('ul.risks li.open[data-risk-id="r-browser"]').textContent()).resolves.toContain(
      '务工收入中断',
    );
    await expect(page.locator('.timeline.visits li').first().textContent()).resolves.toContain('户主务工收入不稳定');
    await page.locator('.flash').waitFor();

    await t.project();
    await board();
    await expect(boardRow.textContent()).resolves.toContain('风险 1');

    await page.goto(`${t.baseUrl}/#/households/${id}`);
    await page.click('button.command[data-command=eliminateRisk]');
    const eliminate = page.locator('form.command-form[data-command=eliminateRisk]');
    await expect(eliminate.locator('select[name=riskId]').inputValue()).resolves.toBe('r-browser');
    await eliminate.locator('[name=reason]').fill('已介绍到社区公益性岗位，收入恢复');
    await eliminate.locator('button[type=submit]').click();
    await page.waitForSelector('ul.risks li.eliminated[data-risk-id="r-browser"]');
    await page.screenshot({ path: '/tmp/console-household.png', fullPage: true });

    await t.project();
    await board();
    await expect(boardRow.count()).resolves.toBe(0);
  }, 60_000);

  it('street staff register a household: a wrong ID check digit is shown in Chinese under that member, then the household page', async () => {
    await page.goto(`${t.baseUrl}/#/households`);
    await page.click('a.register[href="#/households/new"]');
    const form = page.locator('form.register-household');
    await form.waitFor();
    await expect(form.locator('select[name=streetOffice]').isDisabled()).resolves.toBe(true);
    await expect(form.locator('select[name=streetOffice]').inputValue()).resolves.toBe('STREET_XIYI');
    await form.locator('[name=village]').fill('【示例】浏览器村');
    await form.locator('[name=address]').fill('【示例】西一路 12 号');
    await form.locator('[name=status]').selectOption('edge');
    await form.locator('[name=statusReason]').fill('家庭收入接近边缘线');

    const headId = makeResidentId('610102', '1975-03-04', '011');
    const childId = makeResidentId('610102', '2001-06-07', '022');
    const wrongChildId = childId.slice(0, 17) + (childId[17] === '3' ? '4' : '3');
    await form.locator('[name="members[0].name"]').fill('【示例】韩户主');
    await form.locator('[name="members[0].idNumber"]').fill(headId);
    await form.locator('[name="members[0].birthDate"]').fill('1975-03-04');
    await form.locator('[name="members[0].labourCapacity"]').selectOption('full');
    await form.locator('[name="members[0].employmentStatus"]').selectOption('unemployed');
    await form.locator('button:has-text("添加成员")').click();
    await form.locator('[name="members[1].relation"]').selectOption('child');
    await form.locator('[name="members[1].name"]').fill('【示例】韩子女');
    await form.locator('[name="members[1].idNumber"]').fill(wrongChildId);
    await form.locator('[name="members[1].birthDate"]').fill('2001-06-07');
    await form.locator('[name="members[1].labourCapacity"]').selectOption('full');
    await form.locator('[name="members[1].employmentStatus"]').selectOption('student');
    await form.locator('button[type=submit]').click();

    const idError = form.locator('label:has([name="members[1].idNumber"]) .field-error');
    await idError.waitFor();
    expect(await idError.textContent()).toContain(`校验位应为 ${childId[17]}，而不是 ${wrongChildId[17]}`);
    await expect(idError.locator('.reason-en').textContent()).resolves.toBe(
      `check character should be ${childId[17]}, not ${wrongChildId[17]}`,
    );
    await expect(form.locator('label:has([name="members[0].idNumber"]) .field-error').count()).resolves.toBe(0);
    await expect(form.locator('.problem strong').textContent()).resolves.toContain('填写内容有误');
    // The API's English detail only repeats the field reasons: not shown again in the box.
    await expect(form.locator('.problem').textContent()).resolves.not.toContain('check character');
    await page.screenshot({ path: '/tmp/console-register-error.png', fullPage: true });

    await form.locator('[name="members[1].idNumber"]').fill(childId);
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('article.household[data-status="edge"]');
    const id = (await page.getAttribute('article.household', 'data-household-id'))!;
    expect(page.url()).toMatch(new RegExp(`#/households/${id}$`));
    await expect(page.locator('article.household h1').textContent()).resolves.toContain('【示例】韩户主');
    await expect(page.locator('article.household table.grid tbody tr').count()).resolves.toBe(2);
    await page.locator('.flash').waitFor();
    // The refused first submit wrote nothing: the stream holds one registration.
    const {
      rows: [{ n }],
    } = await t.db.adminPool.query(
      `select count(*)::int as n from events where stream_id = $1 and type = 'HouseholdRegistered'`,
      [`household-${id}`],
    );
    expect(n).toBe(1);
    await page.screenshot({ path: '/tmp/console-register.png', fullPage: true });
  }, 60_000);

  it('shows the weekly report of a chosen week and downloads it as XLSX', async () => {
    await logIn('reviewer');
    await page.goto(`${t.baseUrl}/#/reports?week=2020-W47`);
    const totals = page.locator('table.report tfoot').first();
    await totals.waitFor();
    expect(await totals.textContent()).toContain('合计');
    await expect(page.locator('table.report').nth(1).locator('tfoot').textContent()).resolves.toContain('157');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('a.download')]);
    expect(xlsx.suggestedFilename()).toBe('周报-2020-W47.xlsx');
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  }, 60_000);
});
