import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describeProblem, isNetworkFailure, NETWORK_MESSAGE } from '../src/lib/problems.js';

// as src/api.js throws them
class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail ?? `HTTP ${status}`);
    this.status = status;
    this.code = problem.code ?? null;
    this.errors = problem.errors ?? [];
  }
}

test('a rule violation is said in plain words, its code kept for the small print', () => {
  const problem = describeProblem(new ApiError(409, { code: 'byline-missing', detail: 'An article needs a byline' }));
  assert.deepEqual(problem, { message: 'Add a byline before publishing.', code: 'byline-missing', retry: false });
  assert.equal(describeProblem(new ApiError(409, { code: 'review-required' })).message,
    'This draft has not been reviewed: submit it for review, or publish it without review and say why.');
  assert.equal(describeProblem(new ApiError(400, { code: 'schedule-in-the-past' })).message, 'Pick a time in the future.');
});

test('a code this UI does not know keeps the server\'s own detail', () => {
  const problem = describeProblem(new ApiError(409, { code: 'some-new-rule', detail: 'The new rule says no' }));
  assert.equal(problem.message, 'The new rule says no');
  assert.equal(problem.code, 'some-new-rule');
});

test('the browser\'s "Failed to fetch" becomes words and may be retried; an HTTP answer is not a network failure', () => {
  const failure = new TypeError('Failed to fetch');
  assert.ok(isNetworkFailure(failure));
  assert.deepEqual(describeProblem(failure), { message: NETWORK_MESSAGE, code: null, retry: true });
  assert.ok(!isNetworkFailure(new ApiError(503, { code: 'service-unavailable' })));
  assert.equal(describeProblem(new ApiError(503, { code: 'service-unavailable' })).retry, true);
  assert.equal(describeProblem(new ApiError(503, { code: 'outcome-unknown' })).retry, false);
  assert.equal(describeProblem(new ApiError(412, { code: 'version-mismatch' })).retry, false);
  assert.equal(describeProblem(null), null);
});

test('a refused field with a code of its own is said by that code', () => {
  const refused = new ApiError(400, { code: 'validation-failed', detail: 'at must be in the future',
    errors: [{ field: 'at', code: 'schedule-in-the-past', message: 'at must be in the future' }] });
  assert.deepEqual(describeProblem(refused), { message: 'Pick a time in the future.', code: 'schedule-in-the-past', retry: false });
  const size = new ApiError(400, { code: 'validation-failed', errors: [{ field: 'headline', code: 'size' }] });
  assert.equal(describeProblem(size).code, 'validation-failed');
});
