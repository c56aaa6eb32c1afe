/** The embedded MongoDB-compatible server: mongo-java-server with a durable H2 backend, the default store. */
@NullMarked
package org.newsroom.embedded;

import org.jspecify.annotations.NullMarked;
