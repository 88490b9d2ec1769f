package org.arcc.custody;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One logged custody entry, the leaf index and hash (hex) the log gave it, and its inclusion proof (hex, leaf side first). */
public record BundleEntry(long leafIndex, String leafHash, Map<String, Object> entry, List<String> inclusionProof) {

    public BundleEntry {
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(entry, "entry");
        inclusionProof = List.copyOf(Objects.requireNonNull(inclusionProof, "inclusionProof"));
    }
}
