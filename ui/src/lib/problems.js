// What went wrong, in words a person acts on: a message per problem code of the API (docs/command-api.md), the
// browser's network failures ("Failed to fetch") said plainly, and whether trying again may help.

const MESSAGES = {
  // publishing rules
  'byline-missing': 'Add a byline before publishing.',
  'headline-missing': 'Add a headline before publishing.',
  'body-missing': 'Write the body before publishing.',
  'photo-caption-missing': 'Every photo needs a caption before publishing.',
  'photo-credit-missing': 'Every photo needs a credit before publishing.',
  'nothing-to-publish': 'Nothing has changed since the last publication: there is nothing new to publish.',
  'nothing-to-correct': 'A correction or clarification needs a change to the published text: nothing has changed.',
  'public-note-required': 'A correction or clarification needs a public note that tells readers what changed.',
  'review-required': 'This draft has not been reviewed: submit it for review, or publish it without review and say why.',
  embargoed: 'The article is under embargo: it cannot be published before the embargo ends.',
  'schedule-in-the-past': 'Pick a time in the future.',
  'embargo-in-the-past': 'Pick an end of the embargo in the future.',
  'schedule-before-embargo': 'The scheduled publication is before the embargo ends: move one of them.',
  'no-schedule': 'There is no scheduled publication to cancel.',
  'no-embargo': 'There is no embargo to lift.',
  // workflow
  'not-a-draft': 'Only a draft can be submitted for review.',
  'not-in-review': 'Only an article in review can be sent back with changes requested.',
  'not-published': 'The article is not published.',
  'article-killed': 'This article was killed: nothing more can be recorded for it.',
  'nothing-to-revise': 'Nothing changed: there is nothing to save.',
  'photo-limit-reached': 'An article holds at most 50 photos.',
  'photo-already-attached': 'This photo is already attached.',
  'photo-not-found': 'That photo is no longer attached to the article.',
  // input
  'invalid-language': 'Choose a language from the list.',
  'validation-failed': 'Some fields are not valid: see the messages next to them.',
  'payload-too-large': 'This is too large to save (the limit is 1 MB).',
  'unknown-property': 'The server did not understand this request.',
  'malformed-request': 'The server did not understand this request.',
  // versions, access, the server
  'version-mismatch': 'Someone else changed this article since you opened it.',
  'concurrent-change': 'Someone saved this article at the same moment: try again.',
  'article-not-found': 'There is no article with this id.',
  'not-found': 'This no longer exists.',
  unauthenticated: 'Your session ended: sign in again.',
  forbidden: 'Your role does not allow this.',
  'service-unavailable': 'The server cannot reach its database at the moment. Nothing was saved: try again in a few seconds.',
  'outcome-unknown': 'The server lost its database while saving: it may or may not be saved. Reload the article before you try again.',
  'projection-behind': 'The server is still catching up with the latest changes: try again in a moment.',
};

const RETRYABLE = new Set(['concurrent-change', 'service-unavailable', 'projection-behind', 'internal-error']);

export const NETWORK_MESSAGE = 'The Newsroom server could not be reached: check your connection, then retry.';

/** Whether an error is the browser's own failure to reach the server (fetch's TypeError), not an answer. */
export function isNetworkFailure(error) {
  return error?.name === 'TypeError' && error.status === undefined;
}

/**
 * {message, code, retry} for any error a request may throw: an ApiError's code in words (its own detail when the code
 * is not one this UI knows), a network failure in words, anything else as its message. `code` is the API's, for the
 * small print; `retry` says whether sending the same request again may succeed.
 */
export function describeProblem(error) {
  if (!error) return null;
  if (isNetworkFailure(error)) return { message: NETWORK_MESSAGE, code: null, retry: true };
  // a refused field whose own code says more than validation-failed does (schedule-in-the-past, invalid-language…)
  const inner = error.code === 'validation-failed' ? error.errors?.find((e) => MESSAGES[e.code]) : null;
  const code = inner?.code ?? error.code ?? null;
  const message = (code && MESSAGES[code]) || error.message || 'Something went wrong.';
  const status = error.status ?? 0;
  return { message, code, retry: RETRYABLE.has(code) || status === 502 || status === 504 || (status === 503 && code !== 'outcome-unknown') };
}
