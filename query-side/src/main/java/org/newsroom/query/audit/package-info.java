/**
 * The audit trail: every event of an article with who, when and what changed field by field (a projection), the
 * article as it stood at any version or instant and the difference between two versions (folded from the event
 * log), and verification of the log's per-article hash chain.
 */
@NullMarked
package org.newsroom.query.audit;

import org.jspecify.annotations.NullMarked;
