/**
 * Export and import of the event log: the whole log, consistent up to a position, as a gzip'd NDJSON file with its
 * hashes ({@link org.newsroom.eventlog.export.ExportFormat}), and its verified restore into an empty store.
 */
@NullMarked
package org.newsroom.eventlog.export;

import org.jspecify.annotations.NullMarked;
