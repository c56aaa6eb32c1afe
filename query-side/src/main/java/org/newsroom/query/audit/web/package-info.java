/**
 * The audit routes: {@code /audit/articles} (finding any article) and, under {@code /audit/articles/{id}}, history,
 * versions by number or instant, and diffs.
 */
@NullMarked
package org.newsroom.query.audit.web;

import org.jspecify.annotations.NullMarked;
