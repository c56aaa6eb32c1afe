/**
 * The webhook routes: {@code /api/webhooks/**} for integrators, {@code /syndication/webhooks/**} for partners.
 */
@NullMarked
package org.newsroom.query.webhooks.web;

import org.jspecify.annotations.NullMarked;
