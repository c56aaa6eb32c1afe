package org.newsroom.platform.web;

/**
 * Implemented by a failure of a write that was sent to the database but whose answer never came: the write may be
 * stored, may still arrive, or may be lost. Such a failure is answered 503 {@code outcome-unknown}, never "nothing was
 * recorded"; a retry with the same {@code Idempotency-Key} finds out what happened.
 */
public interface WriteOutcomeUnknown {}
