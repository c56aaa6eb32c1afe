// End-to-end test of the web UI in headless Chromium (Debian's chromium package, driven by playwright-core; no browser
// is downloaded). Against a running engine: node e2e/run.mjs --base-url=http://localhost:8080 [--out=dir]
// [--chromium=/usr/bin/chromium] [--measure [--runs=5]]. A reporter drafts the sample story with its two photos and byline and submits it;
// an editor publishes it; the public site shows it; an editor corrects it while the reporter, editing, is told and
// keeps their text through a stale-version conflict; an auditor opens the timeline, compares the two publications and
// sees the correction highlighted. Along the way: no script can read the password or the session after signing in, a
// form that a page of another origin posts to the API is refused and records nothing, and no page breaks its
// Content-Security-Policy. Every step saves a screenshot. Waits are on conditions only (locators, responses).
// Exit code 0 and a closing line "N passed, 0 failed" when every step passed.

import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => {
  const [key, ...value] = arg.replace(/^--/, '').split('=');
  return [key, value.join('=') || 'true'];
}));
const here = dirname(fileURLToPath(import.meta.url));
const base = (args['base-url'] ?? process.env.NEWSROOM_URL ?? 'http://localhost:8080').replace(/\/$/, '');
const out = resolve(args.out ?? join(here, '..', 'target', 'ui-screenshots'));
const executablePath = args.chromium ?? process.env.CHROMIUM ?? '/usr/bin/chromium';
const password = process.env.NEWSROOM_DEMO_PASSWORD ?? 'newsroom';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const sample = JSON.parse(readFileSync(join(here, '..', '..', 'docs', 'samples', 'afp-haftar-rome.draft.json'), 'utf8'));
const PHOTOS = [
  { uri: 'https://images.example.com/afp/haftar.jpg',
    caption: 'File photo of General Khalifa Haftar, commander in the Libyan National Army (LNA).',
    credit: 'Philippe Wojazer/Pool/AFP', altText: 'General Khalifa Haftar in uniform' },
  { uri: 'https://images.example.com/afp/life-boat.jpg',
    caption: 'A life boat carries the bodies of refugees and migrants who died during the oversea journey.',
    credit: 'Aris Messinis/AFP', altText: 'A life boat at sea' },
];
const BYLINE = { name: 'Angus MacKinnon', role: 'author', affiliation: 'AFP' };
const NOTE = 'An earlier version of this article misspelt the word “administration”.';

// the sample's photos live on a placeholder host: the browser is given a picture for each, made here
function picture(url) {
  const name = url.split('/').pop();
  const hue = [...name].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="420" viewBox="0 0 640 420">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},45%,55%)"/>
    <stop offset="1" stop-color="hsl(${(hue + 60) % 360},40%,30%)"/></linearGradient></defs>
    <rect width="640" height="420" fill="url(#g)"/>
    <text x="320" y="220" font-family="sans-serif" font-size="34" fill="#fff" text-anchor="middle">${name}</text></svg>`;
}

const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

let passed = 0;
let failed = 0;
const pages = {};
// every Content-Security-Policy violation any page reports, from the console and from securitypolicyviolation events
const cspViolations = [];
let shot = 0;

async function step(name, action) {
  const started = Date.now();
  try {
    await action();
    passed++;
    console.log(`ok ${passed + failed} - ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed++;
    console.log(`not ok ${passed + failed} - ${name}\n  ${String(error.stack ?? error).split('\n').join('\n  ')}`);
    for (const [role, page] of Object.entries(pages)) {
      await page.screenshot({ path: join(out, `failure-${role}.png`), fullPage: true }).catch(() => {});
    }
    throw error;
  }
}

async function screenshot(page, name, options = {}) {
  shot++;
  const file = join(out, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, ...options });
  return file;
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function watchCsp(context, role) {
  await context.exposeBinding('reportCspViolation', (source, text) => cspViolations.push(`[${role}] ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      window.reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`));
  });
}

async function signedIn(browser, role) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, baseURL: base });
  await context.route('https://images.example.com/**', (route) => route.fulfill({
    status: 200, contentType: 'image/svg+xml', body: picture(route.request().url()) }));
  await watchCsp(context, role);
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  page.on('pageerror', (error) => console.log(`  [${role}] page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(`[${role}] ${message.text()}`);
  });
  pages[role] = page;
  await page.goto('/ui/');
  await page.getByLabel('User name').fill(role);
  await page.getByLabel('Password').fill(password);
  const signedInAnswer = page.waitForResponse((r) => r.url().endsWith('/api/session') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const answer = await signedInAnswer;
  check(answer.status() === 200, `signing in answered ${answer.status()}`);
  const cookie = (await answer.headerValue('set-cookie')) ?? '';
  check(/HttpOnly/i.test(cookie) && /SameSite=Strict/i.test(cookie),
    `the session cookie is not HttpOnly and SameSite=Strict: ${cookie}`);
  await page.getByTestId('signed-in-as').filter({ hasText: role }).waitFor();
  await page.locator('.live-live').waitFor();
  const readable = await page.evaluate(() => JSON.stringify(Object.values(sessionStorage))
    + JSON.stringify(Object.values(localStorage)) + document.cookie);
  check(!readable.includes(password) && !/password/i.test(readable),
    `the password is in sessionStorage, localStorage or a readable cookie: ${readable}`);
  check(!readable.includes('newsroom-session'), 'a script can read the session cookie');
  return page;
}

/** A page on another origin (another port of the same host: the same site, so the SameSite cookie goes along). */
function foreignPage(target) {
  const html = `<!doctype html><html><body>
    <form id="f" method="POST" action="${target}" enctype="text/plain">
      <input type="hidden" name='{"headline":"Planted by another site","x":"' value='"}'>
    </form><script>document.getElementById('f').submit();</script></body></html>`;
  return new Promise((resolve) => {
    const server = createServer((request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(html);
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const version = (page, n) => page.getByTestId('article-version').filter({ hasText: new RegExp(`^${n}$`) }).waitFor();
const state = (page, label) => page.getByTestId('article-state').filter({ hasText: new RegExp(`^${label}$`) }).waitFor();

async function selectWordInBody(page, word) {
  await page.evaluate((target) => {
    const area = document.querySelector('.body-area');
    const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(target);
      if (at >= 0) {
        area.focus();
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + target.length);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        return;
      }
    }
    throw new Error(`no "${target}" in the body`);
  }, word);
}

async function measureTimeToInteractive(browser, runs = 5) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    // a new context each time: nothing cached, signed in as a reporter from the start
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, baseURL: base });
    const session = await context.request.post('/api/session', { data: { user: 'reporter', password } });
    if (!session.ok()) throw new Error(`signing in answered ${session.status()}`);
    const page = await context.newPage();
    await page.goto('/ui/');
    await page.locator('table.work-list[data-ready] tbody tr').first().waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('work-list-ready').length > 0);
    times.push(await page.evaluate(() => performance.getEntriesByName('work-list-ready')[0].startTime));
    await context.close();
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], all: times };
}

const browser = await chromium.launch({ executablePath, headless: true, args: flags });
if (args.measure) {
  // only the measurement: node e2e/run.mjs --base-url=… --measure [--runs=N]
  const { median, all } = await measureTimeToInteractive(browser, Number(args.runs ?? 5));
  console.log(`time to interactive: median ${median.toFixed(0)} ms of ${all.map((t) => t.toFixed(0)).join(', ')} ms`);
  await browser.close();
  process.exit(0);
}
const started = Date.now();
let articleId;
let publicUrl;
try {
  let reporter;
  let editor;
  let auditor;
  await step('a reporter signs in to a session, the password kept nowhere, and the live stream connects', async () => {
    reporter = await signedIn(browser, 'reporter');
  });

  await step('a form that a page of another origin posts to the API is refused 403 and records nothing', async () => {
    const count = async () => (await (await reporter.context().request.get('/api/articles?size=1')).json()).total;
    const before = await count();
    const server = await foreignPage(`${base}/api/articles`);
    try {
      const foreignUrl = `http://localhost:${server.address().port}/`;
      const attack = await reporter.context().newPage();
      const posted = attack.waitForResponse((r) => r.url().endsWith('/api/articles') && r.request().method() === 'POST');
      await attack.goto(foreignUrl);
      const answer = await posted;
      check(answer.status() === 403, `the cross-origin form answered ${answer.status()}`);
      check((await answer.json()).code === 'cross-origin-request', 'not a cross-origin-request problem');
      const sent = await answer.request().allHeaders();
      check((sent.cookie ?? '').includes('newsroom-session'), 'the browser did not send the session cookie: nothing tested');
      await attack.close();
    } finally {
      server.close();
    }
    check(await count() === before, 'the refused form recorded an article');
  });

  await step('a reporter sees the work list and no audit or publishing controls', async () => {
    await reporter.getByRole('heading', { name: 'Work list' }).waitFor();
    await reporter.locator('table.work-list[data-ready]').waitFor();
    check(await reporter.getByRole('link', { name: 'Audit' }).count() === 0, 'a reporter is offered the audit trail');
    await screenshot(reporter, 'reporter-work-list');
  });

  await step('the reporter drafts the sample story, pasted with its markup', async () => {
    await reporter.getByRole('link', { name: 'New article', exact: true }).first().click();
    await reporter.getByLabel('Headline').fill(sample.headline);
    await reporter.getByLabel('Standfirst').fill(sample.standfirst);
    const body = reporter.getByRole('textbox', { name: 'Body' });
    await body.click();
    // as if copied from the wire service's web page: with a script, a style and an image that must not go through
    const wirePage = `<html><head><style>p{color:red}</style></head><body><div class="story">${sample.body}`
      + '<script>alert("x")</script><img src="https://images.example.com/tracker.gif" onerror="alert(1)"></div></body></html>';
    await body.evaluate((element, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'plain');
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, wirePage);
    await body.locator('p', { hasText: 'Remember the threats he (Haftar) made' }).waitFor();
    check(await body.locator('script, img, style').count() === 0, 'disallowed markup was pasted into the body');
    const created = reporter.waitForResponse((r) => r.url().endsWith('/api/articles') && r.request().method() === 'POST');
    await reporter.getByRole('button', { name: 'Create draft' }).click();
    const answer = await created;
    check(answer.status() === 201, `draft answered ${answer.status()}: ${await answer.text()}`);
    const sent = JSON.parse(answer.request().postData());
    check(!/<(script|img|style|div)/.test(sent.body), `the draft sent disallowed markup: ${sent.body.slice(0, 200)}`);
    articleId = (await answer.json()).id;
    await version(reporter, 1);
    await state(reporter, 'Draft');
  });

  await step('the reporter attaches the two photos, with a preview of each', async () => {
    for (const [index, photo] of PHOTOS.entries()) {
      const form = reporter.getByRole('form', { name: 'Attach a photo' });
      await form.getByLabel('Image URL').fill(photo.uri);
      await form.getByLabel('Caption').fill(photo.caption);
      await form.getByLabel('Credit').fill(photo.credit);
      await form.getByLabel('Alt text').fill(photo.altText);
      await form.locator('img.preview').waitFor();
      await form.getByRole('button', { name: 'Attach photo' }).click();
      await version(reporter, 2 + index);
      const card = reporter.getByRole('form', { name: `Photo ${index + 1}` });
      await card.getByRole('link', { name: photo.uri }).waitFor();
      await card.locator('img.preview').evaluate((img) => img.complete || new Promise((done) => { img.onload = done; }));
    }
  });

  await step('an empty credit is refused by the API and the error is shown next to the field', async () => {
    const form = reporter.getByRole('form', { name: 'Attach a photo' });
    await form.getByLabel('Image URL').fill('https://images.example.com/afp/extra.jpg');
    await form.getByLabel('Caption').fill('A third photo');
    await form.getByLabel('Credit').fill(' ');
    const refused = reporter.waitForResponse((r) => r.url().endsWith('/photos') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Attach photo' }).click();
    check((await refused).status() === 400, 'a blank credit was not refused');
    const error = form.locator('label:has-text("Credit") + .field-error');
    await error.waitFor();
    check(await form.getByLabel('Credit').getAttribute('aria-invalid') === 'true', 'the credit field is not marked');
    await form.getByLabel('Image URL').fill('');
    await form.getByLabel('Caption').fill('');
    await form.getByLabel('Credit').fill('');
    await version(reporter, 3);
  });

  await step('the reporter assigns the byline', async () => {
    const bylines = reporter.getByRole('form', { name: 'Bylines' });
    await bylines.getByRole('button', { name: 'Add byline' }).click();
    await bylines.getByLabel('Name').fill(BYLINE.name);
    await bylines.getByLabel('Role').fill(BYLINE.role);
    await bylines.getByLabel('Affiliation').fill(BYLINE.affiliation);
    await bylines.getByRole('button', { name: 'Assign bylines' }).click();
    await version(reporter, 4);
    await reporter.evaluate(() => scrollTo(0, 0));
    await screenshot(reporter, 'reporter-editor', { fullPage: true });
  });

  await step('the reporter submits it for review, and is offered no editor commands', async () => {
    for (const editorOnly of ['Publish now', 'Kill article', 'Request changes']) {
      check(await reporter.getByRole('button', { name: editorOnly }).count() === 0, `a reporter is offered "${editorOnly}"`);
    }
    await reporter.getByLabel('Note to the desk (optional)').fill('Ready; the photos are from the AFP feed.');
    await reporter.getByRole('button', { name: 'Submit for review' }).click();
    await version(reporter, 5);
    await state(reporter, 'In review');
    await screenshot(reporter, 'reporter-submitted');
  });

  await step('an editor signs in', async () => {
    editor = await signedIn(browser, 'editor');
  });

  await step('an editor finds it in review on the work list and publishes it', async () => {
    await editor.getByLabel('State').selectOption('IN_REVIEW');
    await editor.getByLabel('Search headlines').fill('Haftar');
    const row = editor.locator(`tr[data-article-id="${articleId}"]`);
    await row.getByText('In review').waitFor();
    await row.getByText('reporter').waitFor();
    await screenshot(editor, 'editor-work-list');
    await row.getByRole('link').click();
    await version(editor, 5);
    await editor.getByRole('button', { name: 'Publish now' }).click();
    await state(editor, 'Published');
    await version(editor, 6);
    const live = editor.getByRole('status').filter({ hasText: 'Publication #1 is live' });
    await live.waitFor();
    publicUrl = await live.getByRole('link').getAttribute('href');
    await screenshot(editor, 'editor-published');
  });

  await step('the reporter\'s open article refreshed itself to the published state', async () => {
    await state(reporter, 'Published');
    await version(reporter, 6);
    await reporter.getByRole('status').filter({ hasText: 'Updated by editor to version 6' }).waitFor();
  });

  await step('the public site path serves the published story', async () => {
    const site = await editor.context().newPage();
    pages.site = site;
    const answer = await site.goto(publicUrl);
    check(answer.status() === 200, `the site answered ${answer.status()}`);
    const ninjs = await answer.json();
    check(ninjs.headlines[0].value === sample.headline, 'wrong headline on the site');
    check(ninjs.version === '1', `site version ${ninjs.version}`);
    check(ninjs.by === 'By Angus MacKinnon (AFP)', `by: ${ninjs.by}`);
    check(Object.keys(ninjs.associations).length === 2, 'the site lacks the two photos');
    check(ninjs.bodies[0].value.includes('Tobruk-based adminstration'), 'the site body is not the draft');
    await screenshot(site, 'site-published');
    await site.close();
    delete pages.site;
  });

  await step('while the reporter edits the standfirst, an editor corrects the body and republishes', async () => {
    await reporter.getByLabel('Standfirst').fill(`${sample.standfirst} (Updated with the ministry statement.)`);
    await selectWordInBody(editor, 'adminstration');
    await editor.keyboard.type('administration');
    await editor.getByText('Unsaved: body').waitFor();
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await version(editor, 7);
    await editor.getByLabel('Change kind').selectOption('correction');
    await editor.getByLabel('Public note').fill(NOTE);
    await editor.getByRole('button', { name: 'Republish now' }).click();
    await version(editor, 8);
    await editor.getByRole('status').filter({ hasText: 'Publication #2 is live' }).waitFor();
    await screenshot(editor, 'editor-corrected');
    const ninjs = await (await editor.request.get(publicUrl)).json();
    check(ninjs.version === '2' && ninjs.bodies[0].value.includes('Tobruk-based administration'), 'correction not live');
    check(ninjs.descriptions.some((d) => d.role === 'correction' && d.value === NOTE), 'the correction note is not public');
  });

  await step('the reporter is told, keeps the typed text through the 412, and saves it', async () => {
    await reporter.getByRole('alert').filter({ hasText: 'editor changed this article' }).waitFor();
    const refused = reporter.waitForResponse((r) => r.request().method() === 'PATCH');
    await reporter.getByRole('button', { name: 'Save changes' }).click();
    const answer = await refused;
    check(answer.status() === 412, `a stale save answered ${answer.status()}`);
    check((await answer.json()).code === 'version-mismatch', 'not a version-mismatch problem');
    await reporter.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
    await screenshot(reporter, 'reporter-conflict');
    await reporter.getByRole('button', { name: 'Reload, keeping my edits' }).click();
    await version(reporter, 8);
    check((await reporter.getByLabel('Standfirst').inputValue()).endsWith('(Updated with the ministry statement.)'),
      'the reporter lost the typed standfirst');
    check((await reporter.getByRole('textbox', { name: 'Body' }).innerText()).includes('Tobruk-based administration'),
      'the reloaded body is not the editor\'s correction');
    await reporter.getByRole('button', { name: 'Save changes' }).click();
    await version(reporter, 9);
  });

  await step('an auditor signs in', async () => {
    auditor = await signedIn(browser, 'auditor');
  });

  await step('an auditor sees no work list, finds the story and its verified timeline', async () => {
    check(await auditor.getByRole('link', { name: 'Work list' }).count() === 0, 'an auditor is offered the work list');
    await auditor.getByRole('link', { name: sample.headline }).click();
    await auditor.getByTestId('integrity').filter({ hasText: 'Integrity verified' }).waitFor();
    await auditor.getByTestId('integrity').filter({ hasText: 'all 9 events' }).waitFor();
    const timeline = auditor.getByRole('list', { name: 'Timeline' });
    check(await timeline.locator(':scope > li').count() === 9, 'the timeline does not show the 9 events');
    await timeline.locator('li[data-version="6"]').getByText('editor').first().waitFor();
    await screenshot(auditor, 'auditor-timeline', { fullPage: true });
  });

  await step('the auditor compares the two publications and sees the correction highlighted', async () => {
    const timeline = auditor.getByRole('list', { name: 'Timeline' });
    await timeline.locator('li[data-version="6"]').getByRole('checkbox').check();
    await timeline.locator('li[data-version="8"]').getByRole('checkbox').check();
    await auditor.getByRole('button', { name: 'Compare version 6 with 8' }).click();
    const diff = auditor.getByRole('region', { name: 'Differences' });
    const body = diff.locator('[data-field="body"]');
    await body.locator('.left del', { hasText: /^adminstration$/ }).waitFor();
    await body.locator('.right ins', { hasText: /^administration$/ }).waitFor();
    check(await body.locator('del, ins').count() === 2, 'more than the corrected word is highlighted');
    check(await diff.locator('[data-field="headline"].changed').count() === 0, 'the headline is shown as changed');
    await diff.locator('.banner.note', { hasText: NOTE }).waitFor();
    await body.locator('.right ins').scrollIntoViewIfNeeded();
    await diff.evaluate((element) => element.scrollIntoView());
    await screenshot(auditor, 'auditor-diff');
  });

  await step('the auditor reads the article as of the first publication', async () => {
    await auditor.getByRole('list', { name: 'Timeline' }).locator('li[data-version="6"]')
      .getByRole('button', { name: 'As of this version' }).click();
    const snapshot = auditor.locator('.snapshot[data-version="6"]');
    await snapshot.getByText('Tobruk-based adminstration').waitFor();
    await snapshot.getByText('publication #1').waitFor();
    await snapshot.scrollIntoViewIfNeeded();
    await screenshot(auditor, 'auditor-as-of');
  });

  await step('no page reported a Content-Security-Policy violation', async () => {
    check(cspViolations.length === 0, `CSP violations:\n  ${cspViolations.join('\n  ')}`);
  });

  await step('time to interactive: navigation start to the work list on screen, median of 5', async () => {
    const { median, all } = await measureTimeToInteractive(browser);
    console.log(`  time to interactive: median ${median.toFixed(0)} ms of ${all.map((t) => t.toFixed(0)).join(', ')} ms`);
  });
} catch (error) {
  if (!failed) {
    failed++;
    console.log(`not ok - ${error.stack ?? error}`);
  }
} finally {
  await browser.close();
}
console.log(`e2e: ${passed} steps passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${out}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || passed === 0 ? 1 : 0);
