/** The webhook routes: {@code /api/webhooks/**}, for integrators. */
@NullMarked
package org.newsroom.query.webhooks.web;

import org.jspecify.annotations.NullMarked;
