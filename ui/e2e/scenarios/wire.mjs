// The wire scenario: an agency item delivered to the ingest (as the ingest user, over HTTP like an agency relay)
// shows on the editor's Incoming list; the editor opens the article it became and sees where it came from: the agency,
// the item version, what the conversion dropped and the original's SHA-256 with a link to the bytes the agency sent.
// The desk then edits the copy, the agency sends version 2, and the editor applies the held update from the panel.
// Last, the agency sends a picture on its own (and one with no web address, which cannot be attached): the editor
// attaches the first from the Incoming list to the article, found by its headline, with the agency's caption and credit.

const URI = `urn:newsml:afp.com:e2e:${Date.now()}`;
const HEADLINE = 'Haftar meets Italian leaders in Rome';
const UPDATED = 'Haftar and Conte agree to keep talking';

function item(version, headline) {
  return {
    uri: URI,
    type: 'text',
    version: String(version),
    versionCreated: `2019-02-27T16:0${version}:00Z`,
    urgency: 3,
    language: 'en',
    by: 'By Angus MacKinnon',
    infoSources: [{ name: 'AFP' }],
    headlines: [{ role: 'main', value: headline }],
    bodies: [{ role: 'main', contentType: 'text/html',
      value: '<div class="story"><p>Libyan strongman <b>Khalifa Haftar</b> held talks in Rome.</p><table><tr><td>x</td></tr></table></div>' }],
    associations: [{ name: 'lead', type: 'picture', uri: 'urn:afp:photo:e2e', by: 'Philippe Wojazer/Pool',
      descriptions: [{ role: 'caption', value: 'Khalifa Haftar arrives in Rome' }],
      renditions: [{ name: 'web', href: 'https://images.example.com/afp/haftar.jpg', width: 1200 }] }],
  };
}

const PICTURE_URI = `urn:newsml:afp.com:e2e:picture:${Date.now()}`;
const OFFLINE_URI = `${PICTURE_URI}:offline`;
const PICTURE_CAPTION = 'Khalifa Haftar and Giuseppe Conte shake hands in Rome';

function picture(uri, href) {
  return {
    uri,
    type: 'picture',
    version: '1',
    versionCreated: '2019-02-27T16:30:00Z',
    by: 'Filippo Monteforte',
    infoSources: [{ name: 'AFP' }],
    headlines: [{ role: 'main', value: 'Haftar and Conte' }],
    descriptions: [{ role: 'caption', contentType: 'text/plain', value: PICTURE_CAPTION }],
    renditions: [{ name: 'thumb', href: href.replace('.jpg', '-small.jpg'), width: 320 },
      { name: 'web', href, width: 1600 }],
  };
}

/** Runs the wire steps with the runner's kit (see run.mjs). */
export async function wire({ base, step, check, screenshot, signedIn, password }) {
  let editor;
  let articleId;
  const send = async (body) => {
    const answer = await fetch(`${base}/api/ingest`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(`ingest:${password}`).toString('base64')}` },
      body: JSON.stringify(body),
    });
    const text = await answer.text();
    check(answer.status === 201, `the ingest answered ${answer.status}: ${text}`);
    return JSON.parse(text);
  };
  const deliver = (version, headline) => send(item(version, headline));

  await step('wire: an agency item comes in and is on the editor\'s Incoming list with its agency and urgency', async () => {
    articleId = (await deliver(1, HEADLINE)).articleId;
    editor = await signedIn('editor');
    await editor.getByRole('link', { name: 'Incoming', exact: true }).click();
    const row = editor.locator(`table.incoming[data-ready] tr[data-item-uri="${URI}"]`);
    await row.waitFor();
    const text = await row.textContent();
    check(text.includes('AFP') && text.includes('applied') && text.includes('markup dropped'), `the row says: ${text}`);
    await screenshot(editor, 'wire-incoming');
  });

  await step('wire: the editor opens it and the provenance panel shows the agency, what was dropped and the original', async () => {
    await editor.getByRole('link', { name: HEADLINE }).click();
    const panel = editor.getByTestId('provenance');
    await panel.waitFor();
    const text = await panel.textContent();
    check(text.includes('From AFP') && text.includes(URI) && text.includes('<table>'), `the panel says: ${text}`);
    const href = await panel.getByRole('link', { name: 'ninjs-3.1' }).getAttribute('href');
    const original = await editor.evaluate(async (url) => (await fetch(url)).text(), href);
    check(original.includes(URI), 'the original link does not give the bytes the agency sent');
    await screenshot(editor, 'wire-provenance');
  });

  await step('wire: after the desk edits the copy, version 2 waits and the editor applies it from the panel', async () => {
    await editor.getByLabel('Headline').fill('The desk\'s own headline');
    await editor.getByRole('button', { name: 'Save changes', exact: true }).click();
    await editor.getByText('No unsaved changes').waitFor();
    const held = await deliver(2, UPDATED);
    check(held.state === 'held', `version 2 was ${held.state}`);
    await editor.reload();
    const panel = editor.getByTestId('provenance');
    await panel.getByText('Version 2 from AFP is waiting').waitFor();
    await panel.getByRole('button', { name: 'Apply the agency\'s version' }).click();
    await editor.waitForFunction((headline) => document.querySelector('input[name="headline"], #headline')?.value === headline
      || [...document.querySelectorAll('input')].some((input) => input.value === headline), UPDATED);
    check(articleId, 'no article id');
  });

  await step('wire: a picture sent on its own is attached from Incoming to the article, with the agency\'s caption and credit', async () => {
    for (const [uri, href] of [[PICTURE_URI, 'https://images.example.com/afp/haftar-conte.jpg'], [OFFLINE_URI, 'ftp://photos.afp.com/haftar-conte.jpg']]) {
      const received = await send(picture(uri, href));
      check(received.state === 'picture', `the picture item was ${received.state}`);
    }
    await editor.getByRole('link', { name: 'Incoming', exact: true }).click();
    const offline = editor.locator(`table.incoming[data-ready] tr[data-item-uri="${OFFLINE_URI}"]`);
    check(await offline.getByRole('button', { name: 'Attach to article…' }).isDisabled(),
      'a picture with no web address can be attached');
    await offline.getByTestId('picture-not-attachable').waitFor();
    const row = editor.locator(`table.incoming[data-ready] tr[data-item-uri="${PICTURE_URI}"]`);
    await row.getByRole('button', { name: 'Attach to article…' }).click();
    const dialog = editor.getByTestId('attach-picture');
    check(await dialog.getByLabel('Caption').inputValue() === PICTURE_CAPTION, 'the caption is not the agency\'s');
    check(await dialog.getByLabel('Credit').inputValue() === 'Filippo Monteforte/AFP', 'the credit is not the agency\'s');
    check(await dialog.getByRole('link').textContent() === 'https://images.example.com/afp/haftar-conte.jpg',
      'not the widest web rendition');
    await dialog.getByLabel('Alt text').fill('Two men shaking hands in front of flags');
    await dialog.getByLabel('Article').fill('Conte agree');
    await dialog.getByRole('radio', { name: UPDATED }).check();
    await screenshot(editor, 'wire-attach-picture');
    await editor.getByRole('button', { name: 'Attach picture' }).click();
    await editor.getByTestId('picture-attached').getByRole('link', { name: UPDATED }).click();
    const card = editor.getByRole('form', { name: 'Photo 2' });
    await card.waitFor();
    check(await card.getByLabel('Caption').inputValue() === PICTURE_CAPTION, 'the article\'s photo 2 has another caption');
    check(await card.getByLabel('Credit').inputValue() === 'Filippo Monteforte/AFP', 'the article\'s photo 2 has another credit');
    check(await card.getByLabel('Alt text').inputValue() === 'Two men shaking hands in front of flags', 'the alt text was lost');
    await card.getByTestId('photo-agency-item').filter({ hasText: PICTURE_URI }).waitFor();
    const photos = await editor.evaluate(async (id) => (await (await fetch(`/api/articles/${id}`)).json()).photos, articleId);
    check(photos[1]?.uri === 'https://images.example.com/afp/haftar-conte.jpg' && photos[1]?.agencyItem?.itemUri === PICTURE_URI
      && photos[1].agencyItem.source === 'AFP', `the photo does not keep its agency item: ${JSON.stringify(photos[1])}`);
    await screenshot(editor, 'wire-picture-attached');
  });
}
