// The media scenario: a reporter uploads one of the story's photos (docs/samples/haftar.jpg, whose caption and credit
// the file carries) and attaches it from the library, attaches a second by address, makes that one the lead and
// moves it back, and is warned of a photo that cannot be loaded; an editor is warned of it again in the publish
// confirmation, detaches it and publishes; a reader's browser gets the reader's page: landmarks, one h1, headings in
// order, the lead photo from the library with its alt text and renditions, the language; the preview opens from the
// editor.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const JPEG = readFileSync(join(here, '..', '..', '..', 'docs', 'samples', 'haftar.jpg'));
const FILE_CAPTION = 'File photo of General Khalifa Haftar, commander in the Libyan National Army (LNA).';
const FILE_CREDIT = 'Philippe Wojazer/Pool/AFP';
const ALT = 'General Khalifa Haftar in uniform';
const BOAT = { uri: 'https://images.example.com/afp/life-boat.jpg', caption: 'A life boat carries the bodies of'
  + ' refugees and migrants who died during the oversea journey.\nA second line of the caption.', credit: 'Aris Messinis/AFP' };
const BROKEN = { uri: 'https://images.example.com/broken/missing.jpg', caption: 'A photo that is not there',
  credit: 'Nobody' };

/** Runs the media steps with the runner's kit (see run.mjs). */
export async function media({ step, check, screenshot, signedIn, version, browser, base, sample }) {
  let reporter;
  let editor;
  let articleId;
  let slug;
  const photoIds = async (page) => page.locator('form.photo[data-photo-id]').evaluateAll(
    (forms) => forms.map((form) => form.dataset.photoId));

  await step('media: a reporter drafts an article and opens it', async () => {
    reporter = await signedIn('reporter');
    await reporter.context().route('https://images.example.com/broken/**', (route) => route.fulfill({ status: 404 }));
    const created = await reporter.context().request.post('/api/articles', {
      headers: { Origin: base },
      data: { headline: `Haftar in Rome, with photos ${Date.now()}`, standfirst: sample.standfirst, body: sample.body,
        language: 'en' },
    });
    check(created.status() === 201, `drafting answered ${created.status()}: ${await created.text()}`);
    articleId = (await created.json()).id;
    const byline = await reporter.context().request.put(`/api/articles/${encodeURIComponent(articleId)}/byline`, {
      headers: { Origin: base, 'If-Match': '"1"' },
      data: { bylines: [{ name: 'Angus MacKinnon', role: 'author', affiliation: 'AFP' }] },
    });
    check(byline.status() === 200, `the byline answered ${byline.status()}: ${await byline.text()}`);
    // the editing screen reads the editorial view: once it has the draft (read-your-writes on the draft's position)
    const position = byline.headers()['newsroom-position'];
    const read = await reporter.context().request.get(`/api/articles/${encodeURIComponent(articleId)}?atLeast=${position}`);
    check(read.status() === 200, `the draft is not readable: ${read.status()}`);
    await reporter.goto(`/ui/#/articles/${encodeURIComponent(articleId)}`);
    await reporter.getByRole('region', { name: 'Photos' }).waitFor();
  });

  await step('media: an uploaded photo comes back with the caption and credit its file carries, to confirm', async () => {
    const attach = reporter.getByRole('form', { name: 'Attach a photo' });
    const uploaded = reporter.waitForResponse((r) => r.url().endsWith('/api/media') && r.request().method() === 'POST');
    await attach.getByTestId('photo-upload').setInputFiles({ name: 'haftar.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    const answer = await uploaded;
    check(answer.status() === 201, `the upload answered ${answer.status()}: ${await answer.text()}`);
    const body = await answer.json();
    check(body.renditions.map((r) => r.name).join() === '320,800,original',
      `renditions (a 1600 px original is its own 1600): ${body.renditions.map((r) => r.name)}`);
    await attach.getByTestId('uploaded').waitFor();
    check(await attach.getByLabel('Caption').inputValue() === FILE_CAPTION, 'the caption was not prefilled from the file');
    check(await attach.getByLabel('Credit').inputValue() === FILE_CREDIT, 'the credit was not prefilled from the file');
    check(await attach.getByLabel('Caption').evaluate((e) => e.tagName) === 'TEXTAREA', 'the caption is one line');
    await attach.locator('img.preview').evaluate((img) => img.decode());
    await attach.getByLabel('Alt text').fill(ALT);
    await screenshot(reporter, 'media-uploaded');
    await attach.getByRole('button', { name: 'Attach photo' }).click();
    await version(reporter, 3);
    const card = reporter.getByRole('form', { name: 'Photo 1' });
    await card.getByText('From the media library').waitFor();
    const loaded = await card.locator('img.preview').evaluate((img) => img.decode().then(() => img.naturalWidth));
    check(loaded === 800, `the photo is shown from its 800 px rendition: ${loaded}`);
  });

  await step('media: a second photo by address with a two-line caption, made the lead and moved back', async () => {
    const attach = reporter.getByRole('form', { name: 'Attach a photo' });
    await attach.getByLabel('Or an image URL').fill(BOAT.uri);
    await attach.getByLabel('Caption').fill(BOAT.caption);
    await attach.getByLabel('Credit').fill(BOAT.credit);
    await attach.getByRole('button', { name: 'Attach photo' }).click();
    await version(reporter, 4);
    const [library, boat] = await photoIds(reporter);
    check(await reporter.getByRole('form', { name: 'Photo 2' }).getByLabel('Caption').inputValue() === BOAT.caption,
      'the caption lost its second line');
    await reporter.getByRole('form', { name: 'Photo 2' }).getByRole('button', { name: 'Make lead' }).click();
    await version(reporter, 5);
    check((await photoIds(reporter)).join() === [boat, library].join(), 'Make lead did not put the photo first');
    await reporter.getByRole('form', { name: 'Photo 1' }).getByText('Lead photo').waitFor();
    await reporter.getByRole('button', { name: 'Move photo 1 down' }).click();
    await version(reporter, 6);
    check((await photoIds(reporter)).join() === [library, boat].join(), 'Move down did not restore the order');
  });

  await step('media: a photo that cannot be loaded is flagged in the editor', async () => {
    const attach = reporter.getByRole('form', { name: 'Attach a photo' });
    await attach.getByLabel('Or an image URL').fill(BROKEN.uri);
    await attach.getByLabel('Caption').fill(BROKEN.caption);
    await attach.getByLabel('Credit').fill(BROKEN.credit);
    await attach.getByRole('button', { name: 'Attach photo' }).click();
    await version(reporter, 7);
    await reporter.getByRole('form', { name: 'Photo 3' }).getByTestId('photo-broken').waitFor();
    await screenshot(reporter, 'media-broken-photo');
  });

  await step('media: the editor is warned of it before publishing, detaches it and publishes', async () => {
    editor = await signedIn('editor');
    await editor.context().route('https://images.example.com/broken/**', (route) => route.fulfill({ status: 404 }));
    await editor.goto(`/ui/#/articles/${encodeURIComponent(articleId)}`);
    await editor.getByRole('form', { name: 'Photo 3' }).getByTestId('photo-broken').waitFor();
    await editor.getByRole('button', { name: 'Publish without review…' }).click();
    const dialog = editor.getByRole('dialog');
    await dialog.getByTestId('confirm-broken-photo').filter({ hasText: 'Photo 3' }).waitFor();
    await screenshot(editor, 'media-publish-warns');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await editor.getByRole('form', { name: 'Photo 3' }).getByRole('button', { name: 'Detach' }).click();
    await version(editor, 8);
    await editor.getByRole('button', { name: 'Publish without review…' }).click();
    check(await editor.getByRole('dialog').getByTestId('confirm-broken-photo').count() === 0,
      'the warning outlived the broken photo');
    await editor.getByRole('dialog').getByLabel('Why publish it without review?').fill('Photo desk checked it');
    const published = editor.waitForResponse((r) => r.url().endsWith('/publish'));
    await editor.getByRole('dialog').getByRole('button', { name: 'Publish without review' }).click();
    const answer = await published;
    check(answer.status() === 200, `publishing answered ${answer.status()}: ${await answer.text()}`);
    slug = ((await answer.json()).url ?? '').split('/').pop();
    check(slug, `no public address in ${await answer.text()}`);
  });

  await step('media: a reader gets the page: landmarks, one h1, headings in order, the lead photo, its alt text', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 1300 }, baseURL: base });
    const violations = [];
    context.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    // the other photo's placeholder host, as for the signed-in pages
    await context.route('https://images.example.com/**', (route) => route.fulfill({
      status: 200, contentType: 'image/jpeg', body: JPEG }));
    const reader = await context.newPage();
    reader.setDefaultTimeout(20000);
    const answer = await reader.goto(`/site/articles/${slug}`);
    check(answer.status() === 200, `the page answered ${answer.status()}`);
    check((answer.headers()['content-type'] ?? '').startsWith('text/html'), 'not an HTML page');
    check(/public/.test(answer.headers()['cache-control'] ?? ''), `not cacheable: ${answer.headers()['cache-control']}`);
    const page = await reader.evaluate(() => ({
      lang: document.documentElement.lang,
      landmarks: ['header', 'main', 'footer'].map((tag) => document.querySelectorAll(`body > ${tag}`).length),
      h1: [...document.querySelectorAll('h1')].map((h) => h.textContent),
      levels: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])),
      lead: (() => {
        const img = document.querySelector('figure.lead img');
        return img && { alt: img.alt, src: img.currentSrc, srcset: img.srcset, width: img.naturalWidth,
          caption: document.querySelector('figure.lead figcaption').textContent };
      })(),
      photos: document.querySelectorAll('figure img').length,
    }));
    check(page.lang === 'en', `lang ${page.lang}`);
    check(page.landmarks.join() === '1,1,1', `header, main, footer: ${page.landmarks}`);
    check(page.h1.length === 1 && page.h1[0].startsWith('Haftar in Rome'), `h1: ${page.h1}`);
    check(page.levels[0] === 1 && page.levels.every((level, i) => i === 0 || level <= page.levels[i - 1] + 1),
      `headings skip a level: ${page.levels}`);
    check(page.lead?.alt === ALT, `the lead photo's alt: ${page.lead?.alt}`);
    check(/\/media\/[^/]+\/(320|800|1600|original)$/.test(page.lead.src), `the lead photo is not from the library: ${page.lead.src}`);
    check(page.lead.srcset.includes(' 320w') && page.lead.srcset.includes(' 1600w'), `srcset: ${page.lead.srcset}`);
    check(page.lead.width > 0, 'the lead photo did not load');
    check(page.lead.caption.includes(FILE_CAPTION) && page.lead.caption.includes(FILE_CREDIT), 'no caption and credit');
    check(page.photos === 2, `photos on the page: ${page.photos}`);
    await reader.locator('figure.lead img').evaluate((img) => img.decode());
    await screenshot(reader, 'media-reader-page');
    const index = await reader.goto('/site/');
    check(index.status() === 200, `the index answered ${index.status()}`);
    await reader.getByRole('link', { name: page.h1[0] }).waitFor();
    check(violations.length === 0, `CSP violations on the reader's page: ${violations}`);
    await context.close();
  });

  await step('media: the editor opens the preview of the working copy from the editor', async () => {
    const opened = editor.context().waitForEvent('page');
    await editor.getByRole('region', { name: 'Photos' }).getByTestId('preview-link').click();
    const preview = await opened;
    await preview.getByText('Preview: the working copy as readers would see it').waitFor();
    check(await preview.locator('h1').count() === 1, 'the preview has not one h1');
    await preview.close();
  });
}
