/**
 * The transparency log over the event log: RFC 9162 Merkle tree math and proofs, the tree stored in MongoDB as C2SP
 * tlog-tiles style tiles, C2SP tlog-checkpoints signed as C2SP signed notes with Ed25519, and the signing key's loading.
 */
@NullMarked
package org.newsroom.eventlog.proof;

import org.jspecify.annotations.NullMarked;
