package org.arcc.common.audit;

import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.arcc.common.audit.AuditProblem.Kind;
import org.arcc.contracts.audit.AuditHeadsSigned.ChainHead;

/**
 * The rules of an intact audit trail, applied to its rows one by one in (chain, position) order: every row
 * matches its hash and links to the row before it, positions have no gaps, each chain ends where its head
 * says, and every anchor (signed heads) agrees with the row at each position it names. The last rule is the
 * one a database owner cannot satisfy after rewriting a chain consistently: the rewritten rows' hashes differ
 * from the ones signed earlier, or the rows are gone. A contradicted anchor names the first anchored position
 * whose hash differs, and the rewrite lies between the last anchored position that still matches and it.
 */
final class TrailCheck {

    record Head(long lastPosition, String lastHash) {
    }

    /** A stored row: its hashes as stored, the hash its content gives now, and the cells it is about. */
    record Row(long seq, int chain, long position, String prevHash, String hash, String recomputed, Set<String> cells) {
    }

    /** Where the walk of one chain has got to. */
    private static final class Walk {
        long expectedPosition = 1;
        String previous = AuditChain.GENESIS;
        long lastSeq;
        Set<String> lastCells = Set.of();
        long lastAnchorMatch;
        final Set<String> cellsSinceAnchorMatch = new HashSet<>();
        boolean contradicted;
    }

    private final Map<Integer, Head> heads;
    /** chain → position → (hash → when an anchor signed it) for every anchored position not yet walked. */
    private final Map<Integer, TreeMap<Long, Map<String, Instant>>> anchored = new HashMap<>();
    private final Map<Integer, Walk> walks = new TreeMap<>();
    private final List<AuditProblem> problems = new ArrayList<>();
    private long rowsChecked;
    private long anchorsChecked;

    /**
     * @param heads   the chains' heads as stored
     * @param anchors anchors of this trail (stored here, or held by another service and brought by an operator)
     * @param source  whose trail it is: an anchor of another source is refused
     * @param key     the source's anchor public key: an anchor it did not sign is reported, never trusted
     */
    TrailCheck(Map<Integer, Head> heads, Collection<AuditAnchor> anchors, String source, PublicKey key) {
        this.heads = new TreeMap<>(heads);
        for (int chain = 1; chain <= AuditChain.CHAINS; chain++) {
            if (!heads.containsKey(chain)) {
                problems.add(new AuditProblem(Kind.HEAD_DELETED, chain, 0, null, Set.of(),
                        "the head of chain " + chain + " was deleted"));
            }
        }
        for (AuditAnchor anchor : anchors) {
            if (!source.equals(anchor.source()) || !anchor.signedBy(key)) {
                problems.add(new AuditProblem(Kind.ANCHOR_FORGED, 0, 0, null, Set.of(), "the " + anchor
                        + " does not carry a valid signature of " + source + ": an anchor was forged or altered"));
                continue;
            }
            anchorsChecked++;
            for (ChainHead head : anchor.heads()) {
                if (head.position() > 0) {
                    anchored.computeIfAbsent(head.chain(), c -> new TreeMap<>())
                            .computeIfAbsent(head.position(), p -> new LinkedHashMap<>())
                            .merge(head.hash(), anchor.signedAt(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
    }

    /** The next row, in (chain, position) order. */
    void row(Row row) {
        int chain = row.chain();
        long position = row.position();
        String named = "row " + row.seq() + " (chain " + chain + ", position " + position + ")";
        Walk walk = walks.computeIfAbsent(chain, k -> new Walk());
        if (position != walk.expectedPosition) {
            problems.add(new AuditProblem(Kind.MISSING, chain, walk.expectedPosition, null, Set.of(), "chain " + chain
                    + (position == walk.expectedPosition + 1 ? " position " + walk.expectedPosition + " is"
                            : " positions " + walk.expectedPosition + " to " + (position - 1) + " are") + " missing"));
        }
        if (!row.prevHash().equals(walk.previous)) {
            problems.add(new AuditProblem(Kind.UNLINKED, chain, position, row.seq(), row.cells(),
                    named + " does not link to the row before it in its chain"));
        }
        if (!row.recomputed().equals(row.hash())) {
            problems.add(new AuditProblem(Kind.ALTERED, chain, position, row.seq(), row.cells(),
                    named + " was altered: its content no longer matches its hash"));
        }
        walk.cellsSinceAnchorMatch.addAll(row.cells());
        TreeMap<Long, Map<String, Instant>> chainAnchors = anchored.get(chain);
        Map<String, Instant> signed = chainAnchors == null ? null : chainAnchors.remove(position);
        if (signed != null && !walk.contradicted) {
            Map.Entry<String, Instant> differing = signed.entrySet().stream()
                    .filter(e -> !e.getKey().equals(row.hash())).findFirst().orElse(null);
            if (differing == null) {
                walk.lastAnchorMatch = position;
                walk.cellsSinceAnchorMatch.clear();
            } else {
                walk.contradicted = true;
                problems.add(new AuditProblem(Kind.ANCHOR_CONTRADICTED, chain, position, row.seq(),
                        walk.cellsSinceAnchorMatch, named + " is not the row whose hash was signed at "
                                + differing.getValue() + ": chain " + chain + " was rewritten between position "
                                + (walk.lastAnchorMatch + 1) + " and position " + position));
            }
        }
        walk.previous = row.hash();
        walk.expectedPosition = position + 1;
        walk.lastSeq = row.seq();
        walk.lastCells = row.cells();
        rowsChecked++;
    }

    /** What was found, once every row has been seen. */
    AuditChainVerifier.Verification finish() {
        for (Map.Entry<Integer, Head> entry : heads.entrySet()) {
            int chain = entry.getKey();
            Head head = entry.getValue();
            Walk walk = walks.getOrDefault(chain, new Walk());
            long last = walk.expectedPosition - 1;
            if (head.lastPosition() != last) {
                problems.add(new AuditProblem(Kind.TRUNCATED, chain, last + 1, null, Set.of(), "chain " + chain
                        + " ends at position " + last + " but its head says " + head.lastPosition()
                        + ": the newest rows were deleted"));
            } else if (!head.lastHash().equals(walk.previous)) {
                problems.add(new AuditProblem(Kind.HEAD_MISMATCH, chain, last, last == 0 ? null : walk.lastSeq,
                        walk.lastCells, "the last row of chain " + chain + " differs from the chain's head"));
            }
        }
        for (int chain : walks.keySet()) {
            if (chain < 1 || chain > AuditChain.CHAINS) {
                problems.add(new AuditProblem(Kind.UNKNOWN_CHAIN, chain, 0, null, Set.of(),
                        "chain " + chain + " is not one of the trail's chains"));
            }
        }
        for (Map.Entry<Integer, TreeMap<Long, Map<String, Instant>>> entry : new TreeMap<>(anchored).entrySet()) {
            int chain = entry.getKey();
            Walk walk = walks.getOrDefault(chain, new Walk());
            if (!walk.contradicted && !entry.getValue().isEmpty()) {
                long position = entry.getValue().firstKey();
                Instant signedAt = entry.getValue().firstEntry().getValue().values().iterator().next();
                problems.add(new AuditProblem(Kind.ANCHOR_CONTRADICTED, chain, position, null, Set.of(), "chain "
                        + chain + " position " + position + ", whose hash was signed at " + signedAt
                        + ", is gone: the chain was cut back or rewritten shorter after position " + walk.lastAnchorMatch));
            }
        }
        return new AuditChainVerifier.Verification(rowsChecked, anchorsChecked, problems);
    }
}
