package org.arcc.cases.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.cases.domain.CaseStatus;
import org.arcc.cases.domain.Consent;
import org.arcc.cases.domain.ServiceDelivery;
import org.arcc.cases.domain.ServiceType;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.common.audit.AuditAction;
import org.arcc.common.crypto.FieldCipher;
import org.arcc.common.outbox.Outbox;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.contracts.cases.ServiceDelivered;
import org.arcc.vocabulary.ProblemType;
import org.arcc.vocabulary.Role;

/** Services given under one roof: who may record which, the consent each needs, and the exam deadline. */
@ApplicationScoped
public class ServiceRecords {

    static final String RESOURCE = "case-service";

    /** The roles that read service notes, and every other free text written about a case. */
    public static final java.util.Set<String> NOTE_READERS = java.util.Set.of(Role.CASE_WORKER, Role.CELL_SUPERVISOR,
            Role.MEDICAL_OFFICER, Role.COUNSELLOR, Role.LEGAL_OFFICER);

    public static boolean mayReadNotes(Caller caller) {
        return NOTE_READERS.stream().anyMatch(caller::hasRole);
    }

    @Inject
    CaseAccess access;

    @Inject
    Outbox outbox;

    @Inject
    FieldCipher cipher;

    @Inject
    Deadlines deadlines;

    @Inject
    Clock clock;

    public record DeliverService(ServiceType service, Instant deliveredAt, String notes) {
    }

    /** A delivery as staff read it back, notes decrypted. */
    public record Delivered(ServiceDelivery record, String notes) {
    }

    @Transactional(dontRollbackOn = CaseNotFound.class)
    public ServiceDelivery deliver(Caller caller, AccessScope scope, UUID caseId, DeliverService command) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.CREATE, RESOURCE, Purpose.CARE.name());
        if (!command.service().recordableBy(caller.roles())) {
            throw new ProblemException(ProblemType.FORBIDDEN, command.service() + " is recorded by "
                    + String.join(" or ", command.service().roles()) + " (or the cell supervisor)");
        }
        if (c.status == CaseStatus.CLOSED) {
            throw ProblemException.conflict("The case is closed; reopen it to record services");
        }
        Instant now = clock.instant();
        if (command.deliveredAt().isAfter(now.plusSeconds(300)) || command.deliveredAt().isBefore(c.arrivedAt)) {
            throw new ProblemException(ProblemType.VALIDATION, "deliveredAt must lie between the arrival and now");
        }
        command.service().requiredConsent().ifPresent(purpose -> {
            if (!Consent.held(c.id, purpose)) {
                throw new ProblemException(ProblemType.CONSENT_REQUIRED, command.service() + " needs the survivor's "
                        + purpose + " consent, and the case holds none (or it was withdrawn)");
            }
        });
        ServiceDelivery delivery = new ServiceDelivery();
        delivery.id = UUID.randomUUID();
        delivery.caseId = c.id;
        delivery.service = command.service();
        delivery.deliveredAt = command.deliveredAt();
        delivery.deliveredBy = caller.subject();
        delivery.deliveredByRole = roleFor(caller, command.service());
        delivery.recordedAt = now;
        if (command.notes() != null && !command.notes().isBlank()) {
            FieldCipher.OpenKey key = cipher.newDataKey(delivery.id.toString());
            delivery.dataKeyId = key.id();
            delivery.notes = cipher.encrypt(key, "notes", command.notes());
        }
        delivery.persist();
        outbox.record(ServiceDelivered.TYPE, c.id.toString(), new ServiceDelivered(c.id, delivery.id, c.cellCode,
                delivery.service.name(), delivery.deliveredByRole, delivery.deliveredAt));
        if (delivery.service == ServiceType.MEDICO_LEGAL_EXAM && c.examDoneAt == null) {
            c.examDoneAt = delivery.deliveredAt;
            deadlines.recordExamBreachIfLate(c, now);
        }
        access.succeeded(caller, scope, AuditAction.CREATE, RESOURCE, c, Purpose.CARE.name());
        return delivery;
    }

    @Transactional(dontRollbackOn = CaseNotFound.class)
    public List<Delivered> list(Caller caller, AccessScope scope, UUID caseId) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.LIST, RESOURCE, Purpose.CARE.name());
        access.succeeded(caller, scope, AuditAction.LIST, RESOURCE, c, Purpose.CARE.name());
        return ServiceDelivery.ofCase(c.id).stream().map(d -> new Delivered(d, d.notes == null ? null
                : cipher.decrypt(cipher.open(d.dataKeyId, d.id.toString()), "notes", d.notes))).toList();
    }

    private static String roleFor(Caller caller, ServiceType service) {
        return service.roles().stream().filter(caller::hasRole).findFirst().orElse(Role.CELL_SUPERVISOR);
    }
}
