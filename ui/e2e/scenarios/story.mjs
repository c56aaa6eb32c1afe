// The story scenario: a reporter drafts the sample story with its two photos and byline and submits it; an editor
// publishes it; the public site shows it; an editor corrects it while the reporter, editing, is told and keeps their
// text through a stale-version conflict; an auditor opens the timeline, compares the two publications and sees the
// correction highlighted. Along the way: no script can read the password or the session after signing in, and a form
// that a page of another origin posts to the API is refused and records nothing.

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

/** Runs the story's steps with the runner's kit (see run.mjs). */
export async function story({ step, check, screenshot, signedIn, version, state, selectWordInBody, sample, pages, base,
  foreignPage }) {
  let articleId;
  let publicUrl;
  let reporter;
  let editor;
  let auditor;
  await step('a reporter signs in to a session, the password kept nowhere, and the live stream connects', async () => {
    reporter = await signedIn('reporter');
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
    for (const editorOnly of ['Publish…', 'Publish without review…', 'Kill…', 'Request changes']) {
      check(await reporter.getByRole('button', { name: editorOnly }).count() === 0, `a reporter is offered "${editorOnly}"`);
    }
    await reporter.getByLabel('Note to the desk (optional)').fill('Ready; the photos are from the AFP feed.');
    await reporter.getByRole('button', { name: 'Submit for review' }).click();
    await version(reporter, 5);
    await state(reporter, 'In review');
    await screenshot(reporter, 'reporter-submitted');
  });

  await step('an editor signs in', async () => {
    editor = await signedIn('editor');
  });

  await step('an editor finds it in review on the work list and publishes it', async () => {
    await editor.getByLabel('State').selectOption('IN_REVIEW');
    await editor.getByLabel('Search', { exact: true }).fill('Haftar');
    const row = editor.locator(`tr[data-article-id="${articleId}"]`);
    await row.getByText('In review').waitFor();
    await row.getByRole('cell', { name: /^reporter, / }).waitFor();
    await screenshot(editor, 'editor-work-list');
    await row.getByRole('link').click();
    await version(editor, 5);
    await editor.getByRole('button', { name: 'Publish…' }).click();
    await editor.getByRole('dialog', { name: 'Publish this article?' }).getByRole('button', { name: 'Publish now' }).click();
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
    await editor.getByRole('button', { name: 'Republish…' }).click();
    await editor.getByRole('dialog', { name: 'Republish this article?' }).getByRole('button', { name: 'Republish now' }).click();
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
    auditor = await signedIn('auditor');
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
}
