package org.arcc.custody;

import java.util.List;
import java.util.Objects;

/**
 * Consistency proof (hex) from the tree of {@code fromTreeSize}, whose root the server claims was
 * {@code fromRootHash}, to a bundle's checkpoint: lets anyone holding an older checkpoint check that the log was
 * only appended to since.
 */
public record Consistency(long fromTreeSize, String fromRootHash, List<String> proof) {

    public Consistency {
        Objects.requireNonNull(fromRootHash, "fromRootHash");
        proof = List.copyOf(Objects.requireNonNull(proof, "proof"));
    }
}
