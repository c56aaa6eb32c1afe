/** Agency copy in: reading ninjs and NewsML-G2 items, converting their bodies, and turning them into Article commands. */
@org.jspecify.annotations.NullMarked
package org.newsroom.command.ingest;
