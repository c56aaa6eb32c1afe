/** The embedded MongoDB-compatible server: mongo-java-server with a durable H2 backend, the default store. */
package org.newsroom.embedded;
