package org.arcc.cases.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.cases.domain.Consent;
import org.arcc.cases.domain.ConsentPurpose;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.cases.domain.medicolegal.CaseEvidenceItem;
import org.arcc.cases.domain.medicolegal.CheckContext;
import org.arcc.cases.domain.medicolegal.CheckFinding;
import org.arcc.cases.domain.medicolegal.MedicoLegalReport;
import org.arcc.cases.domain.medicolegal.ReportCanonicalForm;
import org.arcc.cases.domain.medicolegal.ReportCheck;
import org.arcc.cases.domain.medicolegal.ReportContent;
import org.arcc.cases.domain.medicolegal.ReportStepRefused;
import org.arcc.cases.domain.medicolegal.ReportVersionRecord;
import org.arcc.common.audit.AuditAction;
import org.arcc.common.audit.AuditEntry;
import org.arcc.common.audit.AuditOutcome;
import org.arcc.common.audit.AuditTrail;
import org.arcc.common.crypto.FieldCipher;
import org.arcc.common.outbox.Outbox;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.contracts.cases.MedicoLegalReportAmended;
import org.arcc.contracts.cases.MedicoLegalReportSigned;
import org.arcc.vocabulary.ProblemType;
import org.arcc.vocabulary.Role;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A case's medico-legal report: drafted and signed by a medical officer of the case's cell, reviewed (and checks
 * overridden) by the cell supervisor, read by the legal officer once signed. Every access is audited against the
 * case; a signature appends the signed version's SHA-256 to the audit trail as a record of its own, so the anchors
 * that cover the trail cover it too. What staff wrote is sealed under each version's data key.
 */
@ApplicationScoped
public class MedicoLegalReports {

    static final String RESOURCE = "medico-legal-report";
    /** The audit record of a signature: its resource id is the SHA-256 of the signed canonical form. */
    public static final String SIGNATURE_RESOURCE = "medico-legal-report-sha256";
    public static final String MEDICAL_OFFICER = Role.MEDICAL_OFFICER;
    public static final String SUPERVISOR = Role.CELL_SUPERVISOR;
    public static final String LEGAL_OFFICER = Role.LEGAL_OFFICER;
    private static final String BODY_FIELD = "medico-legal-report";
    private static final Set<ConsentPurpose> EXAM_CONSENTS = EnumSet.of(ConsentPurpose.MEDICAL_EXAM,
            ConsentPurpose.EVIDENCE_COLLECTION);

    @Inject
    CaseAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    FieldCipher cipher;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    MedicoLegalReportPdf pdf;

    /** What is sealed per version: everything staff wrote. */
    record SealedBody(ReportContent content, List<MedicoLegalReport.CheckOverride> overrides, String amendmentReason) {
    }

    /** A version as read back, with what only the stored row knows. */
    public record StoredVersion(MedicoLegalReport.Version version, ReportVersionRecord row) {
    }

    /** The report as a caller may see it, and the checks' findings on its current version. */
    public record Read(UUID caseId, StoredVersion current, List<CheckFinding> findings) {
    }

    /** The outcome of a hash check. */
    public record Verification(String sha256, Optional<ReportVersionRecord> match, boolean pdf,
            boolean recordedInAuditTrail, int latestSignedVersion) {
    }

    /** A PDF of a signed version, re-rendered and checked against the hash recorded at signing. */
    public record Pdf(int version, byte[] bytes, String sha256) {
    }

    @Transactional(dontRollbackOn = { CaseNotFound.class, ProblemException.class })
    public Read draft(Caller caller, AccessScope scope, UUID caseId, ReportContent content) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.UPDATE, RESOURCE, purpose(caller));
        Loaded loaded = load(c);
        CheckContext context = context(c);
        MedicoLegalReport.Drafted drafted = step(() -> loaded.report().draft(content, caller.subject(),
                now(), context));
        ReportVersionRecord row = save(c, loaded, drafted.version());
        access.succeeded(caller, scope, AuditAction.UPDATE, RESOURCE, c, purpose(caller));
        return new Read(c.id, new StoredVersion(drafted.version(), row), drafted.findings());
    }

    @Transactional(dontRollbackOn = { CaseNotFound.class, ProblemException.class })
    public Read read(Caller caller, AccessScope scope, UUID caseId) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.READ, RESOURCE, purpose(caller));
        Loaded loaded = load(c);
        Optional<MedicoLegalReport.Version> visible = visibleTo(caller, loaded.report());
        if (visible.isEmpty()) {
            access.missed(caller, scope, AuditAction.READ, RESOURCE, c, purpose(caller));
            throw noReport(caller);
        }
        access.succeeded(caller, scope, AuditAction.READ, RESOURCE, c, purpose(caller));
        MedicoLegalReport.Version v = visible.get();
        List<CheckFinding> findings = v.signed() ? List.of() : loaded.report().check(context(c));
        return new Read(c.id, new StoredVersion(v, loaded.row(v.number())), findings);
    }

    @Transactional(dontRollbackOn = { CaseNotFound.class, ProblemException.class })
    public Read override(Caller caller, AccessScope scope, UUID caseId, ReportCheck check, String reason) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.UPDATE, RESOURCE, purpose(caller));
        Loaded loaded = load(c);
        CheckContext context = context(c);
        MedicoLegalReport.Overridden overridden = step(() -> loaded.report().override(check, reason, caller.subject(),
                now(), context));
        ReportVersionRecord row = save(c, loaded, overridden.version());
        access.succeeded(caller, scope, AuditAction.UPDATE, RESOURCE, c, purpose(caller));
        return new Read(c.id, new StoredVersion(overridden.version(), row), loaded.report().check(context));
    }

    @Transactional(dontRollbackOn = { CaseNotFound.class, ProblemException.class })
    public Read sign(Caller caller, AccessScope scope, UUID caseId) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.UPDATE, RESOURCE, purpose(caller));
        Loaded loaded = load(c);
        CheckContext context = context(c);
        MedicoLegalReport.Signing signing = step(() -> loaded.report().sign(caller.subject(), now(), context));
        return signed(caller, scope, c, loaded, signing);
    }

    @Transactional(dontRollbackOn = { CaseNotFound.class, ProblemException.class })
    public Read amend(Caller caller, AccessScope scope, UUID caseId, ReportContent content, String reason) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.UPDATE, RESOURCE, purpose(caller));
        Loaded loaded = load(c);
        CheckContext context = context(c);
        MedicoLegalReport.Signing signing = step(() -> loaded.report().amend(content, reason, caller.subject(),
                caller.hasRole(SUPERVISOR), now(), context));
        return signed(caller, scope, c, loaded, signing);
    }

    @Transactional(dontRollbackOn = { CaseNotFound.class, ProblemException.class })
    public List<StoredVersion> versions(Caller caller, AccessScope scope, UUID caseId) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.LIST, RESOURCE, purpose(caller));
        Loaded loaded = load(c);
        if (visibleTo(caller, loaded.report()).isEmpty()) {
            access.missed(caller, scope, AuditAction.LIST, RESOURCE, c, purpose(caller));
            throw noReport(caller);
        }
        access.succeeded(caller, scope, AuditAction.LIST, RESOURCE, c, purpose(caller));
        return loaded.report().versions().stream().filter(v -> v.signed() || !legalReadingOnly(caller))
                .map(v -> new StoredVersion(v, loaded.row(v.number()))).toList();
    }

    @Transactional(dontRollbackOn = { CaseNotFound.class, ProblemException.class })
    public Pdf pdf(Caller caller, AccessScope scope, UUID caseId, Integer version) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.READ, RESOURCE + "-pdf", purpose(caller));
        Loaded loaded = load(c);
        Optional<MedicoLegalReport.Version> wanted = version == null ? loaded.report().latestSigned()
                : loaded.report().versions().stream().filter(v -> v.number() == version && v.signed()).findFirst();
        if (wanted.isEmpty()) {
            access.missed(caller, scope, AuditAction.READ, RESOURCE + "-pdf", c, purpose(caller));
            throw ProblemException.notFound(version == null ? "A signed medico-legal report of this case"
                    : "Signed version " + version + " of this case's medico-legal report");
        }
        MedicoLegalReport.Version v = wanted.get();
        byte[] bytes = render(c, loaded, v);
        String sha256 = ReportCanonicalForm.sha256(bytes);
        if (!sha256.equals(loaded.row(v.number()).pdfSha256)) {
            access.succeeded(caller, scope, AuditAction.READ, RESOURCE + "-pdf", c, purpose(caller));
            throw ProblemException.conflict("Version " + v.number() + " no longer renders to the PDF recorded when it "
                    + "was signed; report this to the platform administrators");
        }
        access.succeeded(caller, scope, AuditAction.READ, RESOURCE + "-pdf", c, purpose(caller));
        return new Pdf(v.number(), bytes, sha256);
    }

    @Transactional(dontRollbackOn = { CaseNotFound.class, ProblemException.class })
    public Verification verify(Caller caller, AccessScope scope, UUID caseId, String sha256) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.READ, RESOURCE + "-verification",
                purpose(caller));
        String hash = sha256.toLowerCase(java.util.Locale.ROOT);
        Optional<ReportVersionRecord> match = ReportVersionRecord.withHash(c.id, hash).stream().findFirst();
        boolean inTrail = match.isPresent() && !audit.history(match.get().canonicalSha256).isEmpty();
        int latest = ReportVersionRecord.ofCase(c.id).stream().filter(r -> "SIGNED".equals(r.status))
                .mapToInt(r -> r.version).max().orElse(0);
        access.succeeded(caller, scope, AuditAction.READ, RESOURCE + "-verification", c, purpose(caller));
        return new Verification(hash, match, match.map(r -> hash.equals(r.pdfSha256)).orElse(false), inTrail, latest);
    }

    private Read signed(Caller caller, AccessScope scope, SurvivorCase c, Loaded loaded,
            MedicoLegalReport.Signing signing) {
        if (signing instanceof MedicoLegalReport.Blocked blocked) {
            audit.record(new AuditEntry(caller, scope, AuditAction.UPDATE, RESOURCE, c.id.toString(), c.cellCode,
                    purpose(caller), AuditOutcome.INVALID));
            throw ProblemException.conflict("The report cannot be signed until these checks pass or the cell "
                    + "supervisor overrides them: " + blocked.findings().stream().map(f -> f.check().name()).distinct()
                            .collect(Collectors.joining(", ")) + " (GET .../medico-legal-report/checks lists each "
                    + "finding)");
        }
        MedicoLegalReport.Signed done = (MedicoLegalReport.Signed) signing;
        MedicoLegalReport.Version v = done.version();
        String canonical = ReportCanonicalForm.sha256(ReportCanonicalForm.of(c.id, v));
        ReportVersionRecord row = save(c, loaded, v);
        row.signedByRole = roleOf(caller);
        row.canonicalSha256 = canonical;
        row.findingsAtSigning = codes(v.findingsAtSigning());
        row.auditSeq = audit.record(new AuditEntry(caller, scope, AuditAction.CREATE, SIGNATURE_RESOURCE, canonical,
                c.cellCode, purpose(caller), AuditOutcome.SUCCESS));
        row.pdfSha256 = ReportCanonicalForm.sha256(render(c, loaded, v));
        List<String> overridden = v.findingsAtSigning().stream().map(Enum::name).toList();
        if (done.amendment()) {
            outbox.record(MedicoLegalReportAmended.TYPE, c.id.toString(), new MedicoLegalReportAmended(c.id, row.id,
                    c.cellCode, v.number(), row.signedByRole, v.signedAt(), overridden, canonical));
        } else {
            outbox.record(MedicoLegalReportSigned.TYPE, c.id.toString(), new MedicoLegalReportSigned(c.id, row.id,
                    c.cellCode, v.number(), row.examStartedAt, v.signedAt(), overridden, canonical));
        }
        access.succeeded(caller, scope, AuditAction.UPDATE, RESOURCE, c, purpose(caller));
        return new Read(c.id, new StoredVersion(v, row), List.of());
    }

    private byte[] render(SurvivorCase c, Loaded loaded, MedicoLegalReport.Version v) {
        List<MedicoLegalReportPdf.Signature> history = new ArrayList<>();
        for (MedicoLegalReport.Version earlier : loaded.report().versions()) {
            if (earlier.signed() && earlier.number() <= v.number()) {
                ReportVersionRecord row = loaded.row(earlier.number());
                history.add(new MedicoLegalReportPdf.Signature(earlier.number(), earlier.signedBy(),
                        row == null || row.signedByRole == null ? MEDICAL_OFFICER : row.signedByRole, earlier.signedAt(),
                        earlier.amendmentReason(), ReportCanonicalForm.sha256(ReportCanonicalForm.of(c.id, earlier))));
            }
        }
        return pdf.render(new MedicoLegalReportPdf.Document(c.id, c.reference, c.cellCode, v, history));
    }

    /** The report of a case with its stored rows. */
    record Loaded(MedicoLegalReport report, List<ReportVersionRecord> rows) {
        ReportVersionRecord row(int version) {
            return rows.stream().filter(r -> r.version == version).findFirst().orElse(null);
        }
    }

    private Loaded load(SurvivorCase c) {
        List<ReportVersionRecord> rows = new ArrayList<>(ReportVersionRecord.ofCase(c.id));
        List<MedicoLegalReport.Version> versions = rows.stream().map(this::unsealed).toList();
        return new Loaded(MedicoLegalReport.of(c.id, versions), rows);
    }

    private MedicoLegalReport.Version unsealed(ReportVersionRecord row) {
        String text = cipher.decrypt(cipher.open(row.dataKeyId, row.id.toString()), BODY_FIELD, row.bodySealed);
        SealedBody body;
        try {
            body = json.readValue(text, SealedBody.class);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored medico-legal report version cannot be read", e);
        }
        List<ReportCheck> findings = row.findingsAtSigning.isEmpty() ? List.of()
                : java.util.Arrays.stream(row.findingsAtSigning.split(",")).map(ReportCheck::valueOf).toList();
        return new MedicoLegalReport.Version(row.version, body.content(), MedicoLegalReport.Status.valueOf(row.status),
                body.overrides(), row.draftedBy, row.updatedAt, row.signedBy, row.signedAt, body.amendmentReason(),
                findings);
    }

    /** Writes a version back: the row of its number, or a new row under a new data key. */
    private ReportVersionRecord save(SurvivorCase c, Loaded loaded, MedicoLegalReport.Version v) {
        ReportVersionRecord row = loaded.row(v.number());
        if (row == null) {
            row = new ReportVersionRecord();
            row.id = UUID.randomUUID();
            row.caseId = c.id;
            row.version = v.number();
            row.dataKeyId = cipher.newDataKey(row.id.toString()).id();
            loaded.rows().add(row);
        } else if ("SIGNED".equals(row.status)) {
            throw new IllegalStateException("A signed version is never written again");
        }
        String body;
        try {
            body = json.writeValueAsString(new SealedBody(v.content(), v.overrides(), v.amendmentReason()));
        } catch (IOException e) {
            throw new UncheckedIOException("The medico-legal report cannot be sealed", e);
        }
        row.bodySealed = cipher.encrypt(cipher.open(row.dataKeyId, row.id.toString()), BODY_FIELD, body);
        row.status = v.status().name();
        row.overriddenChecks = codes(v.overrides().stream().map(MedicoLegalReport.CheckOverride::check).toList());
        row.draftedBy = v.draftedBy();
        row.updatedAt = v.updatedAt();
        row.examStartedAt = v.content().examination() == null ? null : v.content().examination().startedAt();
        row.signedBy = v.signedBy();
        row.signedAt = v.signedAt();
        if (!row.isPersistent()) {
            row.persist();
        }
        return row;
    }

    private CheckContext context(SurvivorCase c) {
        return new CheckContext(c.arrivedAt, clock.instant(),
                CaseEvidenceItem.ofCase(c.id).stream().map(CaseEvidenceItem::registered).toList(),
                Consent.ofCase(c.id).stream().filter(Consent::active).filter(k -> EXAM_CONSENTS.contains(k.purpose))
                        .map(k -> k.id).collect(Collectors.toSet()));
    }

    /** A legal officer reads signed versions only; the medical officer and the supervisor read the draft too. */
    private static Optional<MedicoLegalReport.Version> visibleTo(Caller caller, MedicoLegalReport report) {
        return legalReadingOnly(caller) ? report.latestSigned() : report.current();
    }

    private static boolean legalReadingOnly(Caller caller) {
        return caller.hasRole(LEGAL_OFFICER) && !caller.hasRole(MEDICAL_OFFICER) && !caller.hasRole(SUPERVISOR);
    }

    /** Times a stored version keeps: PostgreSQL keeps microseconds, and a hash must survive the round trip. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static ProblemException noReport(Caller caller) {
        return ProblemException.notFound(legalReadingOnly(caller) ? "A signed medico-legal report of this case"
                : "A medico-legal report of this case");
    }

    private static <T> T step(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (ReportStepRefused e) {
            throw new ProblemException(switch (e.kind()) {
                case CONFLICT -> ProblemType.CONFLICT;
                case NOT_YOURS -> ProblemType.FORBIDDEN;
                case INVALID -> ProblemType.VALIDATION;
            }, e.getMessage());
        }
    }

    private static String purpose(Caller caller) {
        if (caller.hasRole(MEDICAL_OFFICER)) {
            return Purpose.MEDICO_LEGAL.name();
        }
        return caller.hasRole(LEGAL_OFFICER) && !caller.hasRole(SUPERVISOR) ? Purpose.LEGAL_AID.name()
                : Purpose.SUPERVISION.name();
    }

    private static String roleOf(Caller caller) {
        return caller.hasRole(MEDICAL_OFFICER) ? MEDICAL_OFFICER : SUPERVISOR;
    }

    private static String codes(List<ReportCheck> checks) {
        return checks.stream().map(Enum::name).distinct().collect(Collectors.joining(","));
    }
}
