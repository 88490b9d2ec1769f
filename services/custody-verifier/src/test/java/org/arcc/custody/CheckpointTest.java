package org.arcc.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CheckpointTest {

    private final KeyPair keys = CheckpointKeys.generate();
    private final CheckpointSigner signer = new CheckpointSigner("arcc.org.pk/custody", keys.getPrivate(), keys.getPublic());
    private final byte[] root = Hashes.leafHash("root".getBytes());
    private final Instant issued = Instant.parse("2026-03-02T10:15:30Z");

    @Test
    void signedTextIsFourLinesEachEndingInANewline() {
        Checkpoint cp = signer.sign(17, root, issued);
        assertThat(cp.signedText()).isEqualTo("arcc.org.pk/custody\n17\n" + Hashes.hex(root) + "\n2026-03-02T10:15:30Z\n");
        assertThat(cp.keyId()).isEqualTo(CheckpointKeys.keyId(keys.getPublic())).hasSize(16);
        assertThat(cp.signature()).hasSize(64);
    }

    @Test
    void aSignedCheckpointVerifiesAndAnyChangedFieldOrSignatureDoesNot() {
        Checkpoint cp = signer.sign(17, root, issued);
        assertThat(CheckpointSigner.verify(cp, keys.getPublic())).isTrue();
        byte[] sig = cp.signature();
        assertThat(CheckpointSigner.verify(new Checkpoint("arcc.org.pk/other", 17, root, issued, cp.keyId(), sig), keys.getPublic())).isFalse();
        assertThat(CheckpointSigner.verify(new Checkpoint(cp.origin(), 18, root, issued, cp.keyId(), sig), keys.getPublic())).isFalse();
        assertThat(CheckpointSigner.verify(new Checkpoint(cp.origin(), 17, MerkleTreeTest.flipBit(root, 9), issued, cp.keyId(), sig),
                keys.getPublic())).isFalse();
        assertThat(CheckpointSigner.verify(new Checkpoint(cp.origin(), 17, root, issued.plusSeconds(1), cp.keyId(), sig),
                keys.getPublic())).isFalse();
        assertThat(CheckpointSigner.verify(new Checkpoint(cp.origin(), 17, root, issued, cp.keyId(), MerkleTreeTest.flipBit(sig, 100)),
                keys.getPublic())).isFalse();
        assertThat(CheckpointSigner.verify(new Checkpoint(cp.origin(), 17, root, issued, cp.keyId(), new byte[3]), keys.getPublic()))
                .isFalse();
        assertThat(CheckpointSigner.verify(cp, CheckpointKeys.generate().getPublic())).isFalse();
        assertThat(CheckpointSigner.verify(cp, null)).isFalse();
    }

    @Test
    void jsonRoundTripsAndMissingOrIllTypedFieldsAreNamed() {
        Checkpoint cp = signer.sign(17, root, issued);
        Map<String, Object> json = cp.toJson();
        assertThat(json).containsEntry("treeSize", 17L).containsEntry("rootHash", Hashes.hex(root))
                .containsEntry("issuedAt", "2026-03-02T10:15:30Z")
                .containsEntry("signature", Base64.getEncoder().encodeToString(cp.signature()));
        @SuppressWarnings("unchecked")
        Map<String, Object> reread = (Map<String, Object>) CanonicalJson.parse(CanonicalJson.encode(json));
        assertThat(Checkpoint.fromJson(reread)).isEqualTo(cp);

        reread.remove("rootHash");
        assertThatThrownBy(() -> Checkpoint.fromJson(reread)).hasMessage("checkpoint.rootHash is missing");
        reread.put("rootHash", "abcd");
        assertThatThrownBy(() -> Checkpoint.fromJson(reread)).hasMessageContaining("checkpoint.rootHash must be 64 hex digits");
        reread.put("rootHash", Hashes.hex(root));
        reread.put("treeSize", "17");
        assertThatThrownBy(() -> Checkpoint.fromJson(reread)).hasMessage("checkpoint.treeSize must be an integer, was a string");
        reread.put("treeSize", 17L);
        reread.put("issuedAt", "yesterday");
        assertThatThrownBy(() -> Checkpoint.fromJson(reread)).hasMessageContaining("checkpoint.issuedAt");
        reread.put("issuedAt", "2026-03-02T10:15:30.000Z");
        assertThatThrownBy(() -> Checkpoint.fromJson(reread))
                .hasMessage("checkpoint.issuedAt must be written 2026-03-02T10:15:30Z, not 2026-03-02T10:15:30.000Z");
    }

    @Test
    void keysReadBackFromBase64AndPem() {
        String spki = CheckpointKeys.spkiBase64(keys.getPublic());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + spki + "\n-----END PUBLIC KEY-----\n";
        assertThat(CheckpointKeys.publicKeyFromSpki(spki).getEncoded()).isEqualTo(keys.getPublic().getEncoded());
        assertThat(CheckpointKeys.publicKeyFromSpki(pem).getEncoded()).isEqualTo(keys.getPublic().getEncoded());
        String pkcs8 = CheckpointKeys.pkcs8Base64(keys.getPrivate());
        CheckpointSigner again = new CheckpointSigner("o", CheckpointKeys.privateKeyFromPkcs8(
                "-----BEGIN PRIVATE KEY-----\r\n" + pkcs8 + "\r\n-----END PRIVATE KEY-----"), keys.getPublic());
        assertThat(CheckpointSigner.verify(again.sign(1, root, issued), keys.getPublic())).isTrue();
        assertThatThrownBy(() -> CheckpointKeys.publicKeyFromSpki("not a key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointKeys.publicKeyFromSpki(pkcs8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointKeys.privateKeyFromPkcs8("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignerRefusesAPrivateKeyThatIsNotThePublicKeysPair() {
        assertThatThrownBy(() -> new CheckpointSigner("o", keys.getPrivate(), CheckpointKeys.generate().getPublic()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
