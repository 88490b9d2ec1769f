package org.arcc.custody;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a court needs to check one evidence item's chain of custody offline: the item, its entries with
 * their inclusion proofs, the signed checkpoint they are proven against, optionally a consistency proof from an
 * earlier tree size (null if none), and the log's public key (base64 SPKI). Read and written by
 * {@link CustodyBundles}.
 */
public record CustodyBundle(Map<String, Object> item, List<BundleEntry> entries, Checkpoint checkpoint,
        Consistency consistency, String publicKeySpki) {

    public static final String FORMAT = "arcc-custody-bundle/1";

    public CustodyBundle {
        Objects.requireNonNull(item, "item");
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(publicKeySpki, "publicKeySpki");
    }
}
