/**
 * An article as its events leave it, folded once for every read model that needs its content and workflow state
 * (the editorial working copy, the audit trail and the versions rebuilt from the log).
 */
@org.jspecify.annotations.NullMarked
package org.newsroom.query.article;
