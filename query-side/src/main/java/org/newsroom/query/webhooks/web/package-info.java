/** The webhook routes: {@code /api/webhooks/**}, for integrators. */
package org.newsroom.query.webhooks.web;
