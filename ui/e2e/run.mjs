// End-to-end test of the web UI in headless Chromium (Debian's chromium package, driven by playwright-core; no browser
// is downloaded). Against a running engine: node e2e/run.mjs --base-url=http://localhost:8080 [--out=dir]
// [--chromium=/usr/bin/chromium] [--measure [--runs=5]] [--only=story,desk,media]. This file is the runner and its shared helpers (the kit each
// scenario gets: step, check, screenshot, signedIn, version, state, foreignPage…); the scenarios are in
// scenarios/*.mjs, run in order, each with its own signed-in pages. Every page signs in to a session and is watched
// for Content-Security-Policy violations; after the scenarios, no page may have reported one. Every step saves a
// screenshot. Waits are on conditions only (locators, responses). Exit code 0 and a closing line "N passed, 0 failed"
// when every step passed.

import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { desk } from './scenarios/desk.mjs';
import { media } from './scenarios/media.mjs';
import { story } from './scenarios/story.mjs';
import { wire } from './scenarios/wire.mjs';

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

// options: viewport (1360×900 by default), timezoneId (the machine's by default)
async function signedIn(browser, role, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, ...options, baseURL: base });
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
const kit = {
  browser, base, sample, password, pages, step, check, screenshot, version, state, selectWordInBody, foreignPage,
  signedIn: (role, options) => signedIn(browser, role, options),
};
try {
  // --only=media,desk runs those scenarios alone
  const only = args.only ? args.only.split(',') : null;
  const scenarios = Object.entries({ story, desk, media, wire }).filter(([name]) => !only || only.includes(name));
  for (const [, scenario] of scenarios) await scenario(kit);

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
