/**
 * The MongoDB connection both sides share (a real MongoDB, or the embedded server where it is on the classpath), and
 * the binary files stored in it through GridFS.
 */
@NullMarked
package org.newsroom.platform.mongo;

import org.jspecify.annotations.NullMarked;
