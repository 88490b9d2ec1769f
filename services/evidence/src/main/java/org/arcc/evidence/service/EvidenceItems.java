package org.arcc.evidence.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.arcc.common.outbox.Outbox;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.Caller;
import org.arcc.contracts.evidence.EvidenceItemRegistered;
import org.arcc.evidence.domain.CaseConsent;
import org.arcc.evidence.domain.CaseProjection;
import org.arcc.evidence.domain.CustodyAction;
import org.arcc.evidence.domain.CustodyTransfer;
import org.arcc.evidence.domain.EvidenceItem;
import org.arcc.evidence.domain.Holder;
import org.arcc.evidence.domain.ItemType;
import org.arcc.evidence.domain.Stage;
import org.arcc.vocabulary.ProblemType;

/** Collecting an item: the first entry of its custody log, and the survivor's one-time status code. */
@ApplicationScoped
public class EvidenceItems {

    /** A registered item and the code the survivor is given once, on paper, at collection. */
    public record Registered(EvidenceItem item, String survivorCode) {
    }

    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CustodyLog log;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public Registered register(Caller caller, Registration r) {
        String cell = caller.requireCell();
        CaseProjection known = CaseProjection.findById(r.caseId());
        if (known == null || !known.cellCode.equals(cell)) {
            throw ProblemException.notFound("Case " + r.caseId() + " is not known to the evidence service in your cell"
                    + " (a case opened moments ago may take a second to arrive)");
        }
        if (!CaseConsent.stands(r.caseId(), CaseConsent.EVIDENCE_COLLECTION)) {
            throw new ProblemException(ProblemType.CONSENT_REQUIRED,
                    "There is no consent to evidence collection for this case");
        }
        Instant now = clock.instant();
        if (r.collectedAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new ProblemException(ProblemType.VALIDATION, "collectedAt is in the future");
        }
        boolean digital = r.type() == ItemType.DIGITAL_EVIDENCE;
        List<String> files = r.fileSha256s() == null ? List.of() : r.fileSha256s();
        if (digital && files.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Digital evidence needs the SHA-256 of each file (fileSha256s)");
        }
        if (!digital && !files.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "fileSha256s is only for DIGITAL_EVIDENCE");
        }
        if (!digital && r.sealNumber() == null) {
            throw new ProblemException(ProblemType.VALIDATION, "A physical item is sealed at collection: sealNumber is required");
        }
        String kitNumber = r.kitNumber() != null ? r.kitNumber() : nextKitNumber(cell, r.collectedAt());
        if (EvidenceItem.byKitNumber(kitNumber).isPresent()) {
            throw ProblemException.conflict("Kit number " + kitNumber + " is already registered");
        }
        String code = survivorCode();

        EvidenceItem item = new EvidenceItem();
        item.id = UUID.randomUUID();
        item.kitNumber = kitNumber;
        item.caseId = r.caseId();
        item.cellCode = cell;
        item.type = r.type();
        item.sealNumber = r.sealNumber();
        item.collectedBy = caller.subject();
        item.collectedAt = r.collectedAt();
        item.restricted = !CaseConsent.stands(r.caseId(), CaseConsent.EVIDENCE_TESTING);
        item.holder = Holder.cell(cell).toString();
        item.stage = Stage.COLLECTED;
        item.survivorCodeHash = SurvivorStatus.hash(code);
        item.persist();

        Map<String, String> details = new HashMap<>();
        details.put("kitNumber", kitNumber);
        details.put("caseId", r.caseId().toString());
        details.put("type", r.type().name());
        details.put("cell", cell);
        details.put("collectedAt", r.collectedAt().toString());
        details.put("sealNumber", r.sealNumber());
        details.put("restricted", Boolean.toString(item.restricted));
        if (digital) {
            details.put("fileSha256s", String.join(",", files));
        }
        log.append(item, CustodyAction.COLLECTED, recordedBy(caller), now, details);
        outbox.record(EvidenceItemRegistered.TYPE, item.id.toString(), new EvidenceItemRegistered(item.id, kitNumber,
                item.caseId, cell, item.type.name(), item.restricted, item.collectedAt));
        return new Registered(item, code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EvidenceItem> ofCase(Caller caller, UUID caseId) {
        return EvidenceItem.ofCase(caseId, caller.requireCell());
    }

    /** What a custodian holds or has on its way to it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EvidenceItem> forCustodian(Holder me) {
        List<EvidenceItem> items = new java.util.ArrayList<>(EvidenceItem.heldBy(me));
        for (UUID id : CustodyTransfer.itemsAddressedTo(me)) {
            items.add(EvidenceItem.findById(id));
        }
        return items;
    }

    /** Subject of the person, and the organisation they acted for. */
    static String recordedBy(Caller caller) {
        return caller.subject() + " for " + ItemAccess.actingFor(caller);
    }

    private String nextKitNumber(String cell, Instant collectedAt) {
        long n = ((Number) em.createNativeQuery("SELECT nextval('kit_number_seq')").getSingleResult()).longValue();
        return String.format("%s-EV-%d-%06d", cell, collectedAt.atZone(ZoneOffset.UTC).getYear(), n);
    }

    private static String survivorCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }
}
