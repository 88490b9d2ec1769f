package org.arcc.common.audit.api;

import java.util.List;

/** The newest anchors of one source this service holds, newest first. */
public record AnchorsHeld(String source, List<SignedHeadsView> anchors) {

    /** At most this many anchors in one answer or one cross-check (32 heads each: about 4 KB an anchor). */
    public static final int MAX = 50;
}
