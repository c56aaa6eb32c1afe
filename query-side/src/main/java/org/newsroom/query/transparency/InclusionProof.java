package org.newsroom.query.transparency;

import java.util.List;

/**
 * An RFC 9162 inclusion proof: the leaf's hash as the tree holds it and its audit path, leaf to root, each hash in
 * standard base64.
 */
public record InclusionProof(long leafIndex, long treeSize, String leafHash, List<String> path) {}
