package org.arcc.evidence.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.common.problem.ProblemException;
import org.arcc.common.problem.ProblemType;
import org.arcc.common.security.Caller;
import org.arcc.custody.BundleEntry;
import org.arcc.custody.BundleVerifier;
import org.arcc.custody.Checkpoint;
import org.arcc.custody.Consistency;
import org.arcc.custody.CustodyBundle;
import org.arcc.custody.CustodyReport;
import org.arcc.custody.Hashes;
import org.arcc.custody.MerkleTree;
import org.arcc.custody.VerificationResult;
import org.arcc.evidence.domain.CustodyEntryRow;
import org.arcc.evidence.domain.EvidenceItem;

/**
 * An item's custody bundle: its entries exactly as stored, an inclusion proof for each against a signed
 * checkpoint that covers them all, optionally a consistency proof from a checkpoint the reader already
 * trusts, and the public key. Everything the offline verifier needs, nothing about the survivor.
 */
@ApplicationScoped
public class Bundles {

    @Inject
    ItemAccess access;

    @Inject
    CustodyLog log;

    @Inject
    Checkpoints checkpoints;

    @Transactional
    public CustodyBundle of(Caller caller, UUID itemId, Long knownTreeSize) {
        EvidenceItem item = access.visible(caller, itemId);
        List<CustodyEntryRow> rows = CustodyEntryRow.ofItem(item.id);
        long needed = rows.stream().mapToLong(r -> r.leafIndex + 1).max().orElse(0);
        Checkpoint checkpoint = checkpoints.latest();
        if (checkpoint == null || checkpoint.treeSize() < needed) {
            Checkpoints.Signing signing = checkpoints.signNow();
            if (!signing.signed()) {
                throw ProblemException.conflict("The custody log failed its integrity check, so no checkpoint can be"
                        + " signed over this item's latest entries; the anomaly was published. " + String.join("; ",
                                signing.problems()));
            }
            checkpoint = signing.checkpoint();
        }
        long size = checkpoint.treeSize();
        DbNodeStore nodes = log.nodes();
        List<BundleEntry> entries = new ArrayList<>();
        for (CustodyEntryRow row : rows) {
            List<String> proof = MerkleTree.inclusionProof(row.leafIndex, size, nodes).stream().map(Hashes::hex).toList();
            entries.add(new BundleEntry(row.leafIndex, row.leafHash, row.parsedEntry(), proof));
        }
        Consistency consistency = null;
        if (knownTreeSize != null) {
            if (knownTreeSize < 1 || knownTreeSize > size) {
                throw new ProblemException(ProblemType.VALIDATION,
                        "knownTreeSize must be between 1 and the current checkpoint's size " + size);
            }
            List<String> proof = MerkleTree.consistencyProof(knownTreeSize, size, nodes).stream().map(Hashes::hex)
                    .toList();
            consistency = new Consistency(knownTreeSize, Hashes.hex(MerkleTree.rootHash(knownTreeSize, nodes)), proof);
        }
        Map<String, Object> facts = itemFacts(item);
        if (!entries.isEmpty() && entries.get(0).entry().get("details") instanceof Map<?, ?> first
                && first.get("sealNumber") != null) {
            facts.put("sealNumber", first.get("sealNumber"));
        }
        return new CustodyBundle(facts, entries, checkpoint, consistency, checkpoints.publicKeySpki());
    }

    /** The court's report: the bundle verified with the service's own key, rendered for a reader. */
    @Transactional
    public String report(Caller caller, UUID itemId) {
        CustodyBundle bundle = of(caller, itemId, null);
        VerificationResult result = BundleVerifier.verify(bundle, checkpoints.publicKey(), null);
        return CustodyReport.render(bundle, result);
    }

    private static Map<String, Object> itemFacts(EvidenceItem item) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("itemId", item.id.toString());
        facts.put("kitNumber", item.kitNumber);
        facts.put("caseId", item.caseId.toString());
        facts.put("type", item.type.name());
        facts.put("owningCell", item.cellCode);
        return facts;
    }
}
