// The wire scenario: an agency item delivered to the ingest (as the ingest user, over HTTP like an agency relay)
// shows on the editor's Incoming list; the editor opens the article it became and sees where it came from: the agency,
// the item version, what the conversion dropped and the original's SHA-256 with a link to the bytes the agency sent.
// The desk then edits the copy, the agency sends version 2, and the editor applies the held update from the panel.

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

/** Runs the wire steps with the runner's kit (see run.mjs). */
export async function wire({ base, step, check, screenshot, signedIn, password }) {
  let editor;
  let articleId;
  const deliver = async (version, headline) => {
    const answer = await fetch(`${base}/api/ingest`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(`ingest:${password}`).toString('base64')}` },
      body: JSON.stringify(item(version, headline)),
    });
    const text = await answer.text();
    check(answer.status === 201, `the ingest answered ${answer.status}: ${text}`);
    return JSON.parse(text);
  };

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
}
