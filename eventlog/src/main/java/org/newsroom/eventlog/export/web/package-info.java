/** The export route, {@code GET /admin/log/export}, for operators: an online backup of the running log. */
@NullMarked
package org.newsroom.eventlog.export.web;

import org.jspecify.annotations.NullMarked;
