package org.arcc.common.audit.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.arcc.common.audit.AuditAnchor;
import org.arcc.contracts.audit.AuditHeadsSigned.ChainHead;

/**
 * An anchor as the API shows and takes it: the same fields as {@code arcc.audit.heads-signed.v1}, so anchors
 * read from one service's {@code anchors-held} can be given as they are to the other's verification.
 */
public record SignedHeadsView(
        @NotNull @Pattern(regexp = "/arcc/[a-z-]{1,40}") String source,
        @NotNull Instant signedAt,
        @NotNull @Pattern(regexp = "[0-9a-f]{16}") String keyId,
        @NotNull @Size(min = 1, max = 64) List<@NotNull @Valid Head> heads,
        @NotNull @Pattern(regexp = "[A-Za-z0-9+/]{86}==") String signature) {

    /** One chain's head: the chain, its last row's place in it and that row's hash. */
    public record Head(@Min(1) @Max(32) int chain, @Min(0) long position, @NotNull @Pattern(regexp = "[0-9a-f]{64}") String hash) {
    }

    public static SignedHeadsView of(AuditAnchor anchor) {
        return new SignedHeadsView(anchor.source(), anchor.signedAt(), anchor.keyId(),
                anchor.heads().stream().map(h -> new Head(h.chain(), h.position(), h.hash())).toList(),
                anchor.signatureBase64());
    }

    public AuditAnchor toAnchor() {
        return new AuditAnchor(source, signedAt, keyId,
                heads.stream().map(h -> new ChainHead(h.chain(), h.position(), h.hash())).toList(),
                java.util.Base64.getDecoder().decode(signature));
    }
}
