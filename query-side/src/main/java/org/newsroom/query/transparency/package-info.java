/**
 * The transparency log's query side: the single signer (an Axon pooled streaming processor of one segment, whose
 * claim elects it) that extends the tiled Merkle tree and signs checkpoints into the event log, and the public reads
 * of checkpoints, keys and proofs.
 */
@NullMarked
package org.newsroom.query.transparency;

import org.jspecify.annotations.NullMarked;
