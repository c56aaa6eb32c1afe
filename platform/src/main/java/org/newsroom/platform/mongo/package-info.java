/** The MongoDB connection both sides share: a real MongoDB, or the embedded server where it is on the classpath. */
package org.newsroom.platform.mongo;
