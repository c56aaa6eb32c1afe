package org.newsroom.query.transparency;

import java.util.List;

/** The log's origin and its verifier keys (C2SP note vkeys), the signing key's first, then earlier keys. */
public record PublicKeys(String origin, List<String> keys) {}
