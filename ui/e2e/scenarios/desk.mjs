// The desk scenario: what reporters and editors found missing in a user test, one step (or more) per finding. Pages
// of 1280×800 in the Europe/Paris time zone (the screenshots copied to docs/screenshots are taken here), and one of
// 390 px for the narrow layout. Runs after the story scenario, whose published article the auditor reads again.

const DESK = { width: 1280, height: 800 };
const ZONE = 'Europe/Paris';
const HEADLINE = 'Harbour of Misrata reopens after the storm';
const STANDFIRST = 'The port authority says ships may dock again from Thursday.';
const BODY = '<p>The harbour of Misrata reopened on Wednesday, the port authority said.</p>\n'
  + '<p>Fishermen had waited nine days for the breakwater to be inspected.</p>\n';
const BYLINE = { name: 'Rania Haddad', role: 'author', affiliation: 'Newsroom' };
// the second article: found by a word only its body has, and by its byline
const STRIKE = {
  headline: 'Tripoli port workers walk out over unpaid wages',
  body: '<p>Hundreds of dockers stopped work on Monday, their union said.</p>\n',
  byline: { name: 'Samir Ouali', role: 'author', affiliation: 'Newsroom' },
};
const FIRE = { headline: 'Fire at the Benghazi fuel depot', body: '<p>Firefighters were on the scene within minutes.</p>\n' };

/** Runs the desk's steps with the runner's kit (see run.mjs). */
export async function desk({ step, check, screenshot, signedIn, version, state, sample, password }) {
  let reporter;
  let editor;
  let articleId;
  const onEditor = (page) => page.getByRole('form', { name: 'Article' });
  const workflow = (page) => page.getByRole('region', { name: 'Workflow' });
  const title = async (page, expected) => {
    await page.waitForFunction((text) => document.title === text, expected);
  };

  await step('desk: a reporter and an editor sign in; every screen has its own page title', async () => {
    reporter = await signedIn('reporter', { viewport: DESK, timezoneId: ZONE });
    editor = await signedIn('editor', { viewport: DESK, timezoneId: ZONE });
    await title(reporter, 'Work list — Newsroom');
    await reporter.getByRole('link', { name: 'New article', exact: true }).first().click();
    await title(reporter, 'New article — Newsroom');
  });

  await step('desk: a skip link is the first thing the keyboard reaches, and it moves the focus to the content', async () => {
    await reporter.goto('/ui/#/');
    await reporter.reload();
    await title(reporter, 'Work list — Newsroom');
    await reporter.locator('table.work-list[data-ready]').waitFor();
    await reporter.keyboard.press('Tab');
    const focused = await reporter.evaluate(() => document.activeElement?.textContent);
    check(focused === 'Skip to content', `the first Tab reaches "${focused}"`);
    await reporter.keyboard.press('Enter');
    check(await reporter.evaluate(() => document.activeElement?.id) === 'main', 'the focus is not on the content');
  });

  await step('desk: the headline counts its characters against the limit of 300', async () => {
    await reporter.getByRole('link', { name: 'New article', exact: true }).first().click();
    const counter = reporter.getByTestId('headline-count');
    await reporter.getByLabel('Headline').fill('x'.repeat(301));
    await counter.filter({ hasText: '301 / 300 · 1 too many' }).waitFor();
    check(await counter.evaluate((element) => element.classList.contains('over')), 'the counter does not show the excess');
    await reporter.getByLabel('Headline').fill(HEADLINE);
    await counter.filter({ hasText: `${HEADLINE.length} / 300` }).waitFor();
    check(await reporter.getByLabel('Headline').getAttribute('aria-describedby') === 'headline-count',
      'the counter is not tied to the field');
  });

  await step('desk: the reporter drafts an article without a byline; its page title names it', async () => {
    await reporter.getByLabel('Standfirst').fill(STANDFIRST);
    await reporter.getByRole('textbox', { name: 'Body' }).evaluate((element, html) => {
      element.innerHTML = html;
      element.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }, BODY);
    const created = reporter.waitForResponse((r) => r.url().endsWith('/api/articles') && r.request().method() === 'POST');
    await reporter.getByRole('button', { name: 'Create draft' }).click();
    articleId = (await (await created).json()).id;
    await version(reporter, 1);
    await title(reporter, `Edit: ${HEADLINE} — Newsroom`);
  });

  await step('desk: "Saving…" shows while a save is in flight', async () => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await reporter.route(`**/api/articles/${articleId}`, async (route) => {
      if (route.request().method() === 'PATCH') await held;
      await route.continue();
    });
    await reporter.getByLabel('Standfirst').fill(`${STANDFIRST} Trade resumes.`);
    await reporter.getByRole('button', { name: 'Save changes' }).click();
    await onEditor(reporter).getByRole('button', { name: 'Saving…' }).waitFor();
    await onEditor(reporter).getByRole('status').filter({ hasText: 'Saving…' }).waitFor();
    release();
    await version(reporter, 2);
    await reporter.getByRole('status').filter({ hasText: 'Saved: version 2.' }).waitFor();
    await reporter.unroute(`**/api/articles/${articleId}`);
  });

  await step('desk: a network failure is said in words with a Retry button, and Retry saves', async () => {
    await reporter.route(`**/api/articles/${articleId}`, (route) => (route.request().method() === 'PATCH'
      ? route.abort('internetdisconnected') : route.continue()));
    await reporter.getByLabel('Standfirst').fill(STANDFIRST);
    await reporter.getByRole('button', { name: 'Save changes' }).click();
    const alert = onEditor(reporter).getByRole('alert').filter({ hasText: 'could not be reached' });
    await alert.waitFor();
    check(!(await alert.innerText()).includes('Failed to fetch'), 'the browser\'s own message is shown');
    await reporter.unroute(`**/api/articles/${articleId}`);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await version(reporter, 3);
    check(await alert.count() === 0, 'the failure is still shown after the retry saved');
  });

  await step('desk: leaving with unsaved edits asks first, in the app and in the browser', async () => {
    await reporter.getByLabel('Headline').fill(`${HEADLINE} at last`);
    await reporter.getByText('Unsaved: headline').waitFor();
    const prevented = await reporter.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      dispatchEvent(event);
      return event.defaultPrevented;
    });
    check(prevented, 'closing the tab does not ask');
    const question = new Promise((resolve) => reporter.once('dialog', (dialog) => {
      resolve(dialog.message());
      dialog.dismiss();
    }));
    await reporter.getByRole('navigation').getByRole('link', { name: 'Work list' }).click();
    const asked = await question;
    check(asked?.includes('unsaved edits (headline)'), `the in-app link asked: ${asked}`);
    check(reporter.url().includes(`#/articles/${articleId}`), 'the link left the article anyway');
    check(await reporter.getByLabel('Headline').inputValue() === `${HEADLINE} at last`, 'the typed headline is gone');
  });

  await step('desk: unsaved edits survive a reload (a local copy per article and version) and say so', async () => {
    const accept = (dialog) => dialog.accept();
    reporter.on('dialog', accept);
    await reporter.reload();
    reporter.off('dialog', accept);
    const restored = reporter.getByTestId('restored');
    await restored.filter({ hasText: 'Restored your unsaved edits (headline)' }).waitFor();
    check(await reporter.getByLabel('Headline').inputValue() === `${HEADLINE} at last`, 'the local copy was not restored');
    const key = await reporter.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('newsroom.unsaved.')));
    check(key?.endsWith(`.${articleId}.3`), `the local copy is kept as ${key}`);
    await restored.getByRole('button', { name: 'Discard them' }).click();
    check(await reporter.getByLabel('Headline').inputValue() === HEADLINE, 'discarding kept the edits');
    check(await reporter.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('newsroom.unsaved.'))) === false,
      'the discarded copy is still in localStorage');
    await reporter.getByText('No unsaved changes').waitFor();
  });

  await step('desk: the reporter submits it; a publication it cannot have is refused in plain words', async () => {
    await reporter.getByRole('button', { name: 'Submit for review' }).click();
    await state(reporter, 'In review');
    await editor.goto(`/ui/#/articles/${articleId}`);
    await state(editor, 'In review');
    await workflow(editor).getByRole('button', { name: 'Publish…' }).click();
    const dialog = editor.getByRole('dialog', { name: 'Publish this article?' });
    await dialog.getByTestId('confirm-headline').filter({ hasText: HEADLINE }).waitFor();
    await dialog.getByText('First publication').waitFor();
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    const refusal = dialog.getByRole('alert').filter({ hasText: 'Add a byline before publishing.' });
    await refusal.waitFor();
    check(await refusal.locator('code').innerText() === 'byline-missing', 'the problem code is not in the small print');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await state(editor, 'In review');
  });

  await step('desk: Publish shows what goes live (headline, change kind, note) and can be cancelled', async () => {
    const bylines = editor.getByRole('form', { name: 'Bylines' });
    await bylines.getByRole('button', { name: 'Add byline' }).click();
    await bylines.getByLabel('Name').fill(BYLINE.name);
    await bylines.getByLabel('Role').fill(BYLINE.role);
    await bylines.getByLabel('Affiliation').fill(BYLINE.affiliation);
    await bylines.getByRole('button', { name: 'Assign bylines' }).click();
    await version(editor, 5);
    let published = 0;
    editor.on('request', (request) => { if (request.url().endsWith('/publish')) published++; });
    await workflow(editor).getByRole('button', { name: 'Publish…' }).click();
    const dialog = editor.getByRole('dialog', { name: 'Publish this article?' });
    await dialog.getByText(BYLINE.name).waitFor();
    for (const what of ['What goes live', 'Headline', 'Change kind', 'Public note']) await dialog.getByText(what, { exact: true }).waitFor();
    const headline = (await dialog.getByTestId('confirm-headline').textContent()).trim();
    const preview = dialog.frameLocator('iframe[title="Preview of the reader\'s page"]');
    await preview.locator('h1').filter({ hasText: headline }).waitFor();
    await screenshot(editor, 'desk-publish-confirmation');
    await editor.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    check(published === 0, 'cancelling published the article');
    await workflow(editor).getByRole('button', { name: 'Publish…' }).click();
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    await state(editor, 'Published');
    await workflow(editor).getByRole('status').filter({ hasText: 'Publication #1 is live' }).waitFor();
  });

  await step('desk: Unpublish confirms what will happen, and the "is live" banner goes with the publication', async () => {
    const panel = workflow(editor);
    await panel.locator('summary', { hasText: 'Unpublish' }).click();
    await panel.getByLabel('Reason', { exact: true }).fill('The port authority withdrew its statement.');
    await panel.getByRole('button', { name: 'Unpublish…' }).click();
    const dialog = editor.getByRole('dialog', { name: 'Unpublish this article?' });
    await dialog.getByText('stops answering').waitFor();
    await dialog.getByText('The port authority withdrew its statement.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await state(editor, 'Published');
    await panel.getByRole('button', { name: 'Unpublish…' }).click();
    await dialog.getByRole('button', { name: 'Unpublish', exact: true }).click();
    await state(editor, 'Unpublished');
    check(await editor.getByText(/is live/).count() === 0, 'the editor still sees a live publication');
    check(await panel.locator('a[href^="/site/"]').count() === 0, 'a link to the withdrawn page is still offered');
  });

  await step('desk: Kill shows the public notice and that it cannot be undone, and can be cancelled', async () => {
    const panel = workflow(editor);
    await panel.locator('summary', { hasText: 'Kill' }).click();
    await panel.getByLabel('Reason (internal)').fill('Legal asked us to withdraw it.');
    await panel.getByLabel('Notice to readers').fill('This article has been withdrawn.');
    await panel.getByRole('button', { name: 'Kill…' }).click();
    const dialog = editor.getByRole('dialog', { name: 'Kill this article?' });
    await dialog.getByTestId('kill-notice').filter({ hasText: 'This article has been withdrawn.' }).waitFor();
    await dialog.getByText('This cannot be undone').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await state(editor, 'Unpublished');
    await panel.getByRole('button', { name: 'Kill…' }).click();
    await dialog.getByRole('button', { name: 'Kill article' }).click();
    await state(editor, 'Killed');
  });

  await step('desk: the work list keeps every filter in the URL, through a reload', async () => {
    // leaving the killed article's editor must not ask anything: nothing can be edited there any more
    const asked = [];
    const record = (dialog) => { asked.push(dialog.message()); dialog.dismiss(); };
    reporter.on('dialog', record);
    await reporter.goto('/ui/#/');
    const workList = reporter.getByRole('heading', { name: 'Work list' });
    await workList.waitFor().catch(() => {});
    reporter.off('dialog', record);
    check(asked.length === 0, `leaving the killed article asked: ${asked.join(' | ')}`);
    await workList.waitFor();
    await reporter.getByLabel('State').selectOption('KILLED');
    await reporter.getByLabel('Search', { exact: true }).fill('Misrata');
    await reporter.waitForFunction(() => location.hash.includes('q=Misrata') && location.hash.includes('state=KILLED'));
    await reporter.reload();
    await reporter.locator(`tr[data-article-id="${articleId}"]`).waitFor();
    check(await reporter.getByLabel('State').inputValue() === 'KILLED', 'the state filter was lost');
    check(await reporter.getByLabel('Search', { exact: true }).inputValue() === 'Misrata', 'the search was lost');
    await reporter.getByLabel('Mine').check();
    await reporter.waitForFunction(() => location.hash.includes('mine=true'));
    await reporter.getByRole('columnheader', { name: 'Author' }).waitFor();
  });

  await step('desk: the audit timeline names fields as people do and shows notes as notes', async () => {
    const auditor = await signedIn('auditor', { viewport: DESK, timezoneId: ZONE });
    await auditor.getByRole('link', { name: sample.headline }).click();
    await title(auditor, `Audit: ${sample.headline} — Newsroom`);
    const timeline = auditor.getByRole('list', { name: 'Timeline' });
    await timeline.locator('li[data-version="3"]').getByText('Caption of photo 2').waitFor();
    check(await timeline.getByText(/photos\./).count() === 0, 'a raw photos.<id> field name is shown');
    const submitted = timeline.locator('li[data-version="5"]');
    await submitted.locator('q.note', { hasText: 'Ready; the photos are from the AFP feed.' }).waitFor();
    check(!(await submitted.locator('li[data-field="note"]').innerText()).includes('→'), 'the note is shown as old → new');
    const corrected = timeline.locator('li[data-version="8"]');
    await corrected.locator('q.note', { hasText: 'misspelt the word' }).first().waitFor();

    await timeline.locator('li[data-version="6"]').getByRole('checkbox').check();
    await timeline.locator('li[data-version="8"]').getByRole('checkbox').check();
    await auditor.getByRole('button', { name: 'Compare version 6 with 8' }).click();
    const diff = auditor.getByRole('region', { name: 'Differences' });
    await diff.locator('.right ins mark', { hasText: /^i$/ }).waitFor();
    const top = await diff.evaluate((element) => element.getBoundingClientRect().top);
    check(top > -5 && top < 200, `Compare did not bring its result into view (top at ${top} px)`);
    await diff.getByLabel('Changes only').check();
    await diff.locator('.fold', { hasText: '13 unchanged paragraphs' }).waitFor();
    check(await diff.locator('[data-field="body"] .pair').count() === 1, 'unchanged paragraphs are not folded');
    const link = auditor.url();
    check(/from=6&to=8&view=changes/.test(link), `the diff's address does not carry it: ${link}`);

    // a link opened in another tab: signed in again when the session is the tab's own
    const other = await auditor.context().newPage();
    await other.goto(link);
    const signIn = other.getByLabel('User name');
    await Promise.race([signIn.waitFor(), other.getByTestId('signed-in-as').waitFor()]);
    if (await signIn.count()) {
      await signIn.fill('auditor');
      await other.getByLabel('Password').fill(password);
      await other.getByRole('button', { name: 'Sign in' }).click();
    }
    const opened = other.getByRole('region', { name: 'Differences' });
    await opened.locator('.right ins mark', { hasText: /^i$/ }).waitFor();
    check(await opened.getAttribute('data-from') === '6' && await opened.getAttribute('data-to') === '8', 'the link opens another diff');
    check(await opened.getByLabel('Changes only').isChecked(), 'the link lost the changes-only view');
    await other.close();
  });

  // a draft with a byline, through the screens; answers its id
  const draft = async (page, { headline, body, byline }) => {
    await page.goto('/ui/#/new');
    await page.getByLabel('Headline').fill(headline);
    await page.getByRole('textbox', { name: 'Body' }).evaluate((element, html) => {
      element.innerHTML = html;
      element.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }, body);
    const created = page.waitForResponse((r) => r.url().endsWith('/api/articles') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Create draft' }).click();
    const id = (await (await created).json()).id;
    await version(page, 1);
    const bylines = page.getByRole('form', { name: 'Bylines' });
    await bylines.getByRole('button', { name: 'Add byline' }).click();
    await bylines.getByLabel('Name').fill(byline.name);
    await bylines.getByRole('button', { name: 'Assign bylines' }).click();
    await version(page, 2);
    return id;
  };
  const conversation = (page) => page.getByRole('region', { name: 'Conversation' });
  let strikeId;

  await step('desk: the language is chosen from the installation\'s list', async () => {
    const languages = reporter.waitForResponse((r) => r.url().includes('/api/languages'));
    await reporter.goto('/ui/#/new');
    const answer = await (await languages).json();
    const list = Array.isArray(answer) ? answer : answer.languages;
    const select = reporter.getByRole('combobox', { name: 'Language' });
    await select.waitFor();
    const options = await select.locator('option').evaluateAll((all) => all.map((o) => o.value));
    check(list.length > 1 && list.every((language) => options.includes(language.tag)), `options ${options} for ${JSON.stringify(list)}`);
    check(await select.inputValue() === (answer.defaultLanguage ?? 'en'), 'the installation\'s default is not chosen');
    await select.locator(`option[value="${list[1].tag}"]`).filter({ hasText: list[1].name }).waitFor({ state: 'attached' });
  });

  await step('desk: one conversation per article: the submit note, changes requested, comments, live for the reporter', async () => {
    strikeId = await draft(reporter, { ...STRIKE, byline: STRIKE.byline });
    await reporter.getByLabel('Note to the desk (optional)').fill('Please check the figure in the first paragraph.');
    await reporter.getByRole('button', { name: 'Submit for review' }).click();
    await state(reporter, 'In review');
    await conversation(reporter).locator('li[data-kind="submitted"]', { hasText: 'Please check the figure' }).waitFor();

    await editor.goto(`/ui/#/articles/${strikeId}`);
    await conversation(editor).locator('li[data-kind="submitted"]', { hasText: 'Please check the figure' }).waitFor();
    const panel = workflow(editor);
    await panel.locator('summary', { hasText: 'Request changes' }).click();
    await panel.getByLabel('What should change').fill('Name the union, please.');
    await panel.getByRole('button', { name: 'Request changes' }).click();
    await state(editor, 'Draft');

    // the reporter's screen follows without a reload
    await reporter.evaluate(() => { window.notReloaded = true; });
    await conversation(reporter).locator('li[data-kind="changes-requested"]', { hasText: 'Name the union, please.' }).waitFor();
    await reporter.locator('.title-row .tag', { hasText: 'changes requested' }).waitFor();
    await conversation(editor).getByLabel('Comment').fill('And add when the strike began.');
    await conversation(editor).getByRole('button', { name: 'Add comment' }).click();
    await conversation(reporter).locator('li[data-kind="comment"]', { hasText: 'And add when the strike began.' }).waitFor();
    check(await reporter.evaluate(() => window.notReloaded === true), 'the reporter\'s page was reloaded');
    await reporter.getByRole('status').filter({ hasText: 'New comment from editor.' }).waitFor();
    await conversation(editor).evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await screenshot(editor, 'desk-conversation');
  });

  await step('desk: "changes requested" shows in the work list, and is a filter', async () => {
    await reporter.goto('/ui/#/?changesRequested=true');
    const row = reporter.locator(`tr[data-article-id="${strikeId}"]`);
    await row.locator('.tag', { hasText: 'changes requested' }).waitFor();
    check(await reporter.getByLabel('Changes requested').isChecked(), 'the filter from the URL is not shown');
  });

  await step('desk: review policy: an unreviewed draft shows "Submit for review"; an editor publishes it only with a reason', async () => {
    const fireId = await draft(reporter, { ...FIRE, byline: BYLINE });
    await editor.goto(`/ui/#/articles/${fireId}`);
    await state(editor, 'Draft');
    const panel = workflow(editor);
    await panel.getByRole('button', { name: 'Submit for review' }).waitFor();
    check(await panel.getByRole('button', { name: 'Publish…' }).count() === 0, 'an unreviewed draft offers Publish');
    check(await workflow(reporter).getByRole('button', { name: 'Publish without review…' }).count() === 0,
      'a reporter is offered to publish');
    await panel.getByRole('button', { name: 'Publish without review…' }).click();
    const dialog = editor.getByRole('dialog', { name: 'Publish without review?' });
    const confirm = dialog.getByRole('button', { name: 'Publish without review' });
    check(await confirm.isDisabled(), 'it may be published without a reason');
    await dialog.getByLabel('Why publish it without review?').fill('Breaking news: the depot is still burning.');
    await confirm.click();
    await state(editor, 'Published');
    await conversation(editor).locator('li[data-kind="published-without-review"]', { hasText: 'the depot is still burning' }).waitFor();
  });

  await step('desk: scheduling: tomorrow 14:00 in the user\'s time zone, shown back as such, listed, cancelled', async () => {
    await reporter.goto(`/ui/#/articles/${strikeId}`);
    await reporter.getByLabel('Standfirst').fill('The union of port workers says the strike began on Friday.');
    await reporter.getByRole('button', { name: 'Save changes' }).click();
    await version(reporter, 6);
    await reporter.getByRole('button', { name: 'Submit for review' }).click();
    await state(reporter, 'In review');

    await editor.goto(`/ui/#/articles/${strikeId}`);
    await state(editor, 'In review');
    const when = await editor.evaluate(() => {
      const at = new Date();
      at.setDate(at.getDate() + 1);
      at.setHours(14, 0, 0, 0);
      const pad = (n) => String(n).padStart(2, '0');
      return { local: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T14:00`, instant: at.toISOString() };
    });
    const panel = workflow(editor);
    await panel.getByLabel(/Or publish at \(your time zone: Europe\/Paris\)/).fill(when.local);
    const put = editor.waitForRequest((r) => r.url().endsWith('/schedule') && r.method() === 'PUT');
    await panel.getByRole('button', { name: 'Schedule', exact: true }).click();
    const sent = JSON.parse((await put).postData());
    check(new Date(sent.at).toISOString() === when.instant, `scheduled at ${sent.at}, not ${when.instant}`);
    await panel.getByTestId('schedule').filter({ hasText: 'Scheduled for tomorrow 14:00' }).waitFor();
    await panel.getByTestId('schedule').evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await screenshot(editor, 'desk-schedule');

    await reporter.goto('/ui/#/?scheduled=true');
    await reporter.locator(`tr[data-article-id="${strikeId}"] .tag`, { hasText: 'scheduled for tomorrow 14:00' }).waitFor();
    await panel.getByRole('button', { name: 'Cancel the scheduled publication' }).click();
    await panel.getByTestId('schedule').waitFor({ state: 'detached' });
    await reporter.locator(`tr[data-article-id="${strikeId}"]`).waitFor({ state: 'detached' });
  });

  await step('desk: an embargo is set and lifted, shown in the editor and the work list; it refuses publication in words', async () => {
    const until = await editor.evaluate(() => {
      const at = new Date();
      at.setDate(at.getDate() + 2);
      at.setHours(9, 0, 0, 0);
      const pad = (n) => String(n).padStart(2, '0');
      return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T09:00`;
    });
    const panel = workflow(editor);
    await panel.locator('summary', { hasText: 'Embargo' }).click();
    await panel.getByLabel(/Not before/).fill(until);
    await panel.getByRole('button', { name: 'Set embargo' }).click();
    await panel.getByTestId('embargo').filter({ hasText: /Embargoed until .*09:00/ }).waitFor();
    await reporter.goto('/ui/#/');
    await reporter.locator(`tr[data-article-id="${strikeId}"] .tag`, { hasText: /embargoed until .*09:00/ }).waitFor();
    await panel.getByRole('button', { name: 'Publish…' }).click();
    const dialog = editor.getByRole('dialog', { name: 'Publish this article?' });
    await dialog.getByText(/Embargoed until/).waitFor();
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    const refusal = dialog.getByRole('alert').filter({ hasText: 'under embargo' });
    await refusal.waitFor();
    check(await refusal.locator('code').innerText() === 'embargoed', 'the code is not in the small print');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await panel.getByRole('button', { name: 'Lift the embargo' }).click();
    await panel.getByTestId('embargo').waitFor({ state: 'detached' });
    await reporter.locator(`tr[data-article-id="${strikeId}"] .tag.embargo`).waitFor({ state: 'detached' });
  });

  await step('desk: search finds words of the body and the byline; the author column; Mine', async () => {
    await reporter.goto('/ui/#/?q=dockers');
    const row = reporter.locator(`tr[data-article-id="${strikeId}"]`);
    await row.waitFor();
    await row.locator('td.author', { hasText: STRIKE.byline.name }).waitFor();
    await row.locator('td.author', { hasText: 'created by you' }).waitFor();
    await reporter.goto('/ui/#/?q=Ouali');
    await row.waitFor();
    await reporter.goto('/ui/#/?mine=true');
    await row.waitFor();
    await reporter.getByRole('link', { name: sample.headline }).waitFor();
    // the editor's: what they changed last (the embargo lifted), not the story the reporter saved last
    await editor.goto('/ui/#/?mine=true');
    await editor.locator(`tr[data-article-id="${strikeId}"]`).waitFor();
    check(await editor.getByRole('link', { name: sample.headline }).count() === 0, 'the editor\'s own list holds the reporter\'s story');
  });

  await step('desk: the auditor finds any article, a killed one included, through the audit search', async () => {
    const auditor = await signedIn('auditor', { viewport: DESK, timezoneId: ZONE });
    const search = auditor.getByRole('search', { name: 'Find an article' });
    await search.getByLabel('Find an article: words in it').fill('Misrata');
    await search.getByRole('button', { name: 'Search' }).click();
    const row = auditor.locator(`table.audit-results tr[data-article-id="${articleId}"]`);
    await row.getByText('Killed').waitFor();
    await auditor.waitForFunction(() => location.hash.includes('q=Misrata'));
    await search.getByLabel('In state').selectOption('KILLED');
    await row.waitFor();
    await row.getByRole('link').click();
    await auditor.getByRole('list', { name: 'Timeline' }).locator('li.event-ArticleKilled').waitFor();
  });

  await step('desk: at 390 px wide nothing overflows sideways', async () => {
    const narrow = await signedIn('editor', { viewport: { width: 390, height: 844 }, timezoneId: ZONE });
    await narrow.locator('table.work-list[data-ready]').waitFor();
    const widths = [];
    widths.push(await narrow.evaluate(() => document.documentElement.scrollWidth));
    await narrow.goto(`/ui/#/articles/${articleId}`);
    await state(narrow, 'Killed');
    widths.push(await narrow.evaluate(() => document.documentElement.scrollWidth));
    check(widths.every((width) => width <= 390), `the page is wider than 390 px: ${widths.join(', ')}`);
    await screenshot(narrow, 'desk-narrow');
    await narrow.context().close();
  });
}
