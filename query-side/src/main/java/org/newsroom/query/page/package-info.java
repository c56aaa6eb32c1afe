/**
 * The reader's page: an article as readers see it, rendered to accessible HTML with auto-escaping templates, shared
 * by the public site and the editors' preview.
 */
@NullMarked
package org.newsroom.query.page;

import org.jspecify.annotations.NullMarked;
