package org.arcc.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.arcc.common.audit.AuditProblem.Kind;
import org.arcc.contracts.audit.AuditHeadsSigned.ChainHead;
import org.arcc.custody.CheckpointKeys;
import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * The rules of an intact trail and of its anchors, on rows in memory: a plain edit, a deletion, a truncation and
 * a consistent rewrite (every hash after the edit recomputed, the head moved), against anchors signed before.
 */
@UnitTest
class TrailCheckRulesTest {

    private static final String SOURCE = "/arcc/cases";
    private static final KeyPair KEYS = CheckpointKeys.generate();
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** A stored row: the fields that are hashed, and the stored hashes. */
    record StoredRow(long seq, int chain, long position, String resourceCell, String purpose, String prevHash,
            String hash) {
    }

    /** Chain 3 with {@code n} rows, correctly hashed; every other chain empty. */
    private static List<StoredRow> chain3(int n) {
        List<StoredRow> rows = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int p = 1; p <= n; p++) {
            String cell = p % 2 == 0 ? "KHI" : "LHE-1";
            String hash = hash(prev, p, cell, "CARE");
            rows.add(new StoredRow(100 + p, 3, p, cell, "CARE", prev, hash));
            prev = hash;
        }
        return rows;
    }

    private static String hash(String prev, long position, String cell, String purpose) {
        return AuditChain.hash(prev, position, T0.plusSeconds(position), "staff-1", "case-worker", cell, "READ", "case",
                "r-" + position, cell, purpose, null, "req", "SUCCESS");
    }

    private static Map<Integer, TrailCheck.Head> headsOf(List<StoredRow> rows) {
        Map<Integer, TrailCheck.Head> heads = new HashMap<>();
        for (int c = 1; c <= AuditChain.CHAINS; c++) {
            heads.put(c, new TrailCheck.Head(0, AuditChain.GENESIS));
        }
        if (!rows.isEmpty()) {
            StoredRow last = rows.get(rows.size() - 1);
            heads.put(3, new TrailCheck.Head(last.position(), last.hash()));
        }
        return heads;
    }

    private static AuditAnchor anchorOf(List<StoredRow> rows, Instant at) {
        List<ChainHead> heads = new ArrayList<>();
        headsOf(rows).forEach((c, h) -> heads.add(new ChainHead(c, h.lastPosition(), h.lastHash())));
        heads.sort(java.util.Comparator.comparingInt(ChainHead::chain));
        return AuditAnchor.sign(SOURCE, at, heads, KEYS.getPrivate(), KEYS.getPublic());
    }

    private static AuditChainVerifier.Verification check(List<StoredRow> rows, Map<Integer, TrailCheck.Head> heads,
            List<AuditAnchor> anchors) {
        TrailCheck check = new TrailCheck(heads, anchors, SOURCE, KEYS.getPublic());
        for (StoredRow r : rows) {
            check.row(new TrailCheck.Row(r.seq(), r.chain(), r.position(), r.prevHash(), r.hash(),
                    hash(r.prevHash(), r.position(), r.resourceCell(), r.purpose()), Set.of(r.resourceCell())));
        }
        return check.finish();
    }

    /** Rewrites chain 3 from {@code position} on: the row's purpose changes and every hash after it is recomputed. */
    private static List<StoredRow> rewrittenFrom(List<StoredRow> rows, int position) {
        List<StoredRow> out = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (StoredRow r : rows) {
            String purpose = r.position() == position ? "RESEARCH" : r.purpose();
            String hash = hash(prev, r.position(), r.resourceCell(), purpose);
            out.add(new StoredRow(r.seq(), r.chain(), r.position(), r.resourceCell(), purpose, prev, hash));
            prev = hash;
        }
        return out;
    }

    @Test
    void anIntactTrailWithItsAnchorsHasNoProblems() {
        List<StoredRow> rows = chain3(6);
        var result = check(rows, headsOf(rows), List.of(anchorOf(rows.subList(0, 3), T0), anchorOf(rows, T0.plusSeconds(60))));
        assertThat(result.descriptions()).isEmpty();
        assertThat(result.rowsChecked()).isEqualTo(6);
        assertThat(result.anchorsChecked()).isEqualTo(2);
    }

    @Test
    void aConsistentRewriteIsInvisibleWithoutAnchorsAndNamedWithThem() {
        List<StoredRow> rows = chain3(8);
        AuditAnchor early = anchorOf(rows.subList(0, 2), T0);
        AuditAnchor late = anchorOf(rows.subList(0, 6), T0.plusSeconds(60));
        List<StoredRow> rewritten = rewrittenFrom(rows, 4);

        assertThat(check(rewritten, headsOf(rewritten), List.of()).intact()).as("hashes alone").isTrue();

        var result = check(rewritten, headsOf(rewritten), List.of(early, late));
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.ANCHOR_CONTRADICTED);
            assertThat(p.chain()).isEqualTo(3);
            assertThat(p.position()).isEqualTo(6);
            assertThat(p.seq()).isEqualTo(106);
            assertThat(p.description()).contains("chain 3 was rewritten between position 3 and position 6");
            assertThat(p.cells()).containsExactlyInAnyOrder("KHI", "LHE-1");
        });
    }

    @Test
    void aChainCutBackAndItsHeadMovedIsNamedByTheAnchor() {
        List<StoredRow> rows = chain3(5);
        AuditAnchor anchor = anchorOf(rows, T0);
        List<StoredRow> cut = rows.subList(0, 3);

        var result = check(cut, headsOf(cut), List.of(anchor));
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.ANCHOR_CONTRADICTED);
            assertThat(p.chain()).isEqualTo(3);
            assertThat(p.position()).isEqualTo(5);
            assertThat(p.description()).contains("is gone");
        });
    }

    @Test
    void anEditedAndADeletedRowAreNamedByTheirHashes() {
        List<StoredRow> rows = new ArrayList<>(chain3(5));
        StoredRow edited = rows.get(1);
        rows.set(1, new StoredRow(edited.seq(), 3, 2, edited.resourceCell(), "RESEARCH", edited.prevHash(), edited.hash()));
        rows.remove(3);
        var result = check(rows, headsOf(chain3(5)), List.of(anchorOf(chain3(5), T0)));
        assertThat(result.problems()).extracting(AuditProblem::kind, AuditProblem::chain, AuditProblem::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.ALTERED, 3, 2L),
                        org.assertj.core.groups.Tuple.tuple(Kind.MISSING, 3, 4L),
                        org.assertj.core.groups.Tuple.tuple(Kind.UNLINKED, 3, 5L));
    }

    @Test
    void anAnchorNotSignedByTheSourcesKeyIsReportedAndNeverTrusted() {
        List<StoredRow> rows = chain3(4);
        List<StoredRow> rewritten = rewrittenFrom(rows, 2);
        KeyPair insider = CheckpointKeys.generate();
        List<ChainHead> heads = new ArrayList<>();
        headsOf(rewritten).forEach((c, h) -> heads.add(new ChainHead(c, h.lastPosition(), h.lastHash())));
        AuditAnchor forged = AuditAnchor.sign(SOURCE, T0, heads, insider.getPrivate(), insider.getPublic());
        AuditAnchor otherSource = AuditAnchor.sign("/arcc/evidence", T0, heads, KEYS.getPrivate(), KEYS.getPublic());

        var result = check(rewritten, headsOf(rewritten), List.of(forged, otherSource));
        assertThat(result.problems()).extracting(AuditProblem::kind).containsExactly(Kind.ANCHOR_FORGED, Kind.ANCHOR_FORGED);
        assertThat(result.anchorsChecked()).isZero();
    }

    @Test
    void aSupervisorSeesItsCellsProblemsAndThoseNoRowPlaces() {
        var result = new AuditChainVerifier.Verification(10, 1, List.of(
                new AuditProblem(Kind.ALTERED, 3, 2, 102L, Set.of("KHI"), "ours"),
                new AuditProblem(Kind.ALTERED, 3, 3, 103L, Set.of("LHE-1"), "theirs"),
                new AuditProblem(Kind.MISSING, 4, 7, null, Set.of(), "a hole")));
        assertThat(result.concerning("KHI").descriptions()).containsExactly("ours", "a hole");
    }

    @Test
    void theSignatureCoversEveryField() {
        List<StoredRow> rows = chain3(2);
        AuditAnchor anchor = anchorOf(rows, T0);
        assertThat(anchor.signedBy(KEYS.getPublic())).isTrue();
        List<ChainHead> moved = new ArrayList<>(anchor.heads());
        moved.set(2, new ChainHead(3, 1, rows.get(0).hash()));
        for (AuditAnchor changed : List.of(
                new AuditAnchor(anchor.source(), anchor.signedAt(), anchor.keyId(), moved, anchor.signature()),
                new AuditAnchor(anchor.source(), anchor.signedAt().plusMillis(1), anchor.keyId(), anchor.heads(), anchor.signature()),
                new AuditAnchor("/arcc/evidence", anchor.signedAt(), anchor.keyId(), anchor.heads(), anchor.signature()))) {
            assertThat(changed.signedBy(KEYS.getPublic())).as(changed.toString()).isFalse();
        }
        assertThat(AuditAnchor.parseHeads(anchor.headsText())).isEqualTo(anchor.heads());
    }
}
