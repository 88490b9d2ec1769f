package org.arcc.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CustodyBundlesTest {

    private final TestLog log = TestLog.sampleCase();

    @Test
    void aBundleRoundTripsThroughItsJson() {
        Checkpoint known = log.signer.sign(8, MerkleTree.rootHash(8, log.store), Instant.parse("2026-03-02T15:00:00Z"));
        CustodyBundle bundle = log.bundle(TestLog.KIT_A, log.checkpoint(), known);
        String json = CustodyBundles.toJson(bundle);

        CustodyBundle reread = CustodyBundles.fromJson(json);
        assertThat(reread).isEqualTo(bundle);
        assertThat(CustodyBundles.toJson(reread)).isEqualTo(json);
        assertThat(json).startsWith("{\n  \"format\": \"arcc-custody-bundle/1\",\n  \"item\": {")
                .contains("\"publicKey\": {\n    \"algorithm\": \"Ed25519\",\n    \"keyId\": \"" + CheckpointKeys.keyId(log.keys.getPublic()));
        assertThat(BundleVerifier.verify(reread, log.keys.getPublic(), known).findings()).isEmpty();
    }

    @Test
    void withoutAConsistencyProofThereIsNoConsistencyMember() {
        CustodyBundle bundle = log.bundle(TestLog.KIT_B);
        String json = CustodyBundles.toJson(bundle);
        assertThat(json).doesNotContain("consistency");
        assertThat(CustodyBundles.fromJson(json).consistency()).isNull();
    }

    @Test
    void missingOrIllTypedFieldsAreNamed() {
        String json = CustodyBundles.toJson(log.bundle(TestLog.KIT_A));
        assertThatThrownBy(() -> CustodyBundles.fromJson(json.replace("\"format\": \"arcc-custody-bundle/1\"", "\"format\": \"v2\"")))
                .hasMessageContaining("bundle.format is \"v2\"");
        assertThatThrownBy(() -> CustodyBundles.fromJson(json.replace("\"checkpoint\":", "\"checkpoints\":")))
                .hasMessage("bundle.checkpoint is missing");
        assertThatThrownBy(() -> CustodyBundles.fromJson(json.replace("\"leafIndex\": 2,", "\"leafIndex\": \"2\",")))
                .hasMessage("bundle.entries[1].leafIndex must be an integer, was a string");
        assertThatThrownBy(() -> CustodyBundles.fromJson(json.replace("\"algorithm\": \"Ed25519\"", "\"algorithm\": \"RSA\"")))
                .hasMessageContaining("bundle.publicKey.algorithm is \"RSA\"");
        assertThatThrownBy(() -> CustodyBundles.fromJson(json.replace("\"treeSize\": 14", "\"treeSize\": 14.0")))
                .hasMessageContaining("only integers");
        assertThatThrownBy(() -> CustodyBundles.fromJson("[]")).hasMessageContaining("is an array");
    }
}
