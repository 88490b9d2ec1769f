package org.arcc.cases.domain.medicolegal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A case's medico-legal report and its versions: drafted by the examining officer, checked, signed (which freezes
 * the version), and corrected after signing only by a new version with a reason, by the officer who signed or the
 * cell supervisor. Every version stays. Each step checks, changes state and returns what happened; the service
 * loads, calls, persists and publishes.
 */
public final class MedicoLegalReport {

    /** The shortest reason a supervisor's override or an amendment may carry. */
    public static final int MIN_REASON = 10;

    public enum Status {
        DRAFT, SIGNED
    }

    /** A supervisor's decision to let the report be signed despite a check's finding. */
    public record CheckOverride(ReportCheck check, String reason, String by, Instant at) {
        @Override
        public String toString() {
            return "Override[" + check + " by " + by + ", reason redacted]";
        }
    }

    /**
     * One version of the report. Version 1 is the original; each amendment adds the next.
     *
     * @param findingsAtSigning the checks that still found something when it was signed (each overridden)
     */
    public record Version(int number, ReportContent content, Status status, List<CheckOverride> overrides,
            String draftedBy, Instant updatedAt, String signedBy, Instant signedAt, String amendmentReason,
            List<ReportCheck> findingsAtSigning) {

        public Version {
            overrides = List.copyOf(overrides);
            findingsAtSigning = List.copyOf(findingsAtSigning);
        }

        public boolean signed() {
            return status == Status.SIGNED;
        }

        public Set<ReportCheck> overridden() {
            return overrides.stream().map(CheckOverride::check).collect(Collectors.toUnmodifiableSet());
        }

        Version with(ReportContent newContent, String by, Instant at) {
            return new Version(number, newContent, status, overrides, by, at, signedBy, signedAt, amendmentReason,
                    findingsAtSigning);
        }

        @Override
        public String toString() {
            return "Version[" + number + ", " + status + "]";
        }
    }

    /** What happened on a draft. */
    public record Drafted(Version version, List<CheckFinding> findings) {
    }

    /** What an override changed. */
    public record Overridden(Version version, CheckOverride override) {
    }

    /** What a signing or an amendment did: signed a version, or was blocked by findings nobody overrode. */
    public sealed interface Signing permits Signed, Blocked {
    }

    /**
     * @param version    the version now signed
     * @param overridden the checks that found something and were overridden
     * @param amendment  whether this signed an amendment (a version after the first)
     */
    public record Signed(Version version, List<ReportCheck> overridden, boolean amendment) implements Signing {
    }

    /** @param findings what still blocks signing */
    public record Blocked(List<CheckFinding> findings) implements Signing {
    }

    private final UUID caseId;
    private final List<Version> versions;

    private MedicoLegalReport(UUID caseId, List<Version> versions) {
        this.caseId = caseId;
        this.versions = new ArrayList<>(versions);
        this.versions.sort(Comparator.comparingInt(Version::number));
    }

    /** A case's report as stored: its versions, any order. */
    public static MedicoLegalReport of(UUID caseId, List<Version> versions) {
        return new MedicoLegalReport(caseId, versions);
    }

    /** A case with no report yet. */
    public static MedicoLegalReport none(UUID caseId) {
        return new MedicoLegalReport(caseId, List.of());
    }

    public UUID caseId() {
        return caseId;
    }

    public List<Version> versions() {
        return List.copyOf(versions);
    }

    public Optional<Version> current() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The newest signed version: what a lawyer or a court reads. */
    public Optional<Version> latestSigned() {
        return versions.stream().filter(Version::signed).reduce((a, b) -> b);
    }

    /** Writes (or rewrites) the draft. A signed report is never drafted over: it is amended. */
    public Drafted draft(ReportContent content, String by, Instant now, CheckContext context) {
        Version next;
        Optional<Version> current = current();
        if (current.isEmpty()) {
            next = new Version(1, content, Status.DRAFT, List.of(), by, now, null, null, null, List.of());
            versions.add(next);
        } else if (current.get().signed()) {
            throw new ReportStepRefused(ReportStepRefused.Kind.CONFLICT, "The report is signed (version "
                    + current.get().number() + "); a correction is an amendment with a reason");
        } else {
            next = current.get().with(content, by, now);
            versions.set(versions.size() - 1, next);
        }
        return new Drafted(next, ReportChecks.run(content, context));
    }

    /** The checks' findings on the current version. */
    public List<CheckFinding> check(CheckContext context) {
        return ReportChecks.run(currentOrRefuse().content(), context);
    }

    /**
     * The cell supervisor lets the draft be signed despite what one check finds, for a recorded reason. Only a check
     * that finds something now can be overridden, and never {@link ReportCheck#FORBIDDEN_TEST_MENTIONED}.
     */
    public Overridden override(ReportCheck check, String reason, String supervisor, Instant now, CheckContext context) {
        Version draft = currentOrRefuse();
        if (draft.signed()) {
            throw new ReportStepRefused(ReportStepRefused.Kind.CONFLICT, "The report is signed; checks are overridden "
                    + "before signing");
        }
        if (!check.overridable()) {
            throw new ReportStepRefused(ReportStepRefused.Kind.CONFLICT, check + " cannot be overridden: "
                    + "the text must be reworded");
        }
        if (reason == null || reason.strip().length() < MIN_REASON) {
            throw new ReportStepRefused(ReportStepRefused.Kind.INVALID, "An override needs a reason of at least "
                    + MIN_REASON + " characters");
        }
        if (ReportChecks.run(draft.content(), context).stream().noneMatch(f -> f.check() == check)) {
            throw new ReportStepRefused(ReportStepRefused.Kind.CONFLICT, check + " finds nothing to override");
        }
        CheckOverride override = new CheckOverride(check, reason.strip(), supervisor, now);
        List<CheckOverride> overrides = new ArrayList<>(draft.overrides());
        overrides.removeIf(o -> o.check() == check);
        overrides.add(override);
        Version next = new Version(draft.number(), draft.content(), draft.status(), overrides, draft.draftedBy(),
                draft.updatedAt(), null, null, draft.amendmentReason(), List.of());
        versions.set(versions.size() - 1, next);
        return new Overridden(next, override);
    }

    /** The examining officer signs the draft: it freezes, unless a finding nobody overrode blocks it. */
    public Signing sign(String signer, Instant now, CheckContext context) {
        Version draft = currentOrRefuse();
        if (draft.signed()) {
            throw new ReportStepRefused(ReportStepRefused.Kind.CONFLICT, "Version " + draft.number()
                    + " is already signed; a correction is an amendment with a reason");
        }
        return signIfClear(draft, signer, now, context, draft.overrides(), draft.amendmentReason(), false);
    }

    /**
     * A correction after signing: a new signed version with a reason, by the officer who signed the report or the
     * cell supervisor. It passes the same checks; a check the supervisor overrode on the previous version stays
     * overridden, with its reason.
     */
    public Signing amend(ReportContent content, String reason, String by, boolean bySupervisor, Instant now,
            CheckContext context) {
        Version previous = latestSigned().orElseThrow(() -> new ReportStepRefused(ReportStepRefused.Kind.CONFLICT,
                "The report is not signed yet; change the draft instead"));
        String examiningOfficer = versions.get(0).signedBy();
        if (!bySupervisor && !by.equals(examiningOfficer)) {
            throw new ReportStepRefused(ReportStepRefused.Kind.NOT_YOURS, "Only the officer who signed the report or "
                    + "the cell supervisor may amend it");
        }
        if (reason == null || reason.strip().length() < MIN_REASON) {
            throw new ReportStepRefused(ReportStepRefused.Kind.INVALID, "An amendment needs a reason of at least "
                    + MIN_REASON + " characters");
        }
        Version next = new Version(previous.number() + 1, content, Status.DRAFT, previous.overrides(), by, now, null,
                null, reason.strip(), List.of());
        return signIfClear(next, by, now, context, previous.overrides(), reason.strip(), true);
    }

    private Signing signIfClear(Version version, String signer, Instant now, CheckContext context,
            List<CheckOverride> overrides, String amendmentReason, boolean amendment) {
        List<CheckFinding> findings = ReportChecks.run(version.content(), context);
        Set<ReportCheck> overridden = overrides.stream().map(CheckOverride::check).collect(Collectors.toSet());
        List<CheckFinding> blocking = findings.stream()
                .filter(f -> !f.check().overridable() || !overridden.contains(f.check())).toList();
        if (!blocking.isEmpty()) {
            return new Blocked(blocking);
        }
        List<ReportCheck> used = findings.stream().map(CheckFinding::check).distinct().toList();
        Version signed = new Version(version.number(), version.content(), Status.SIGNED, overrides,
                version.draftedBy(), version.updatedAt(), signer, now, amendmentReason, used);
        if (amendment) {
            versions.add(signed);
        } else {
            versions.set(versions.size() - 1, signed);
        }
        return new Signed(signed, used, amendment);
    }

    private Version currentOrRefuse() {
        return current().orElseThrow(() -> new ReportStepRefused(ReportStepRefused.Kind.CONFLICT,
                "The case has no medico-legal report yet"));
    }
}
