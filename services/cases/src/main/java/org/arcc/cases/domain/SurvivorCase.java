package org.arcc.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.arcc.common.security.AccessScope;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A survivor's case in one cell. No identity field lives here. */
@Entity
@Table(name = "survivor_case")
public class SurvivorCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String reference;

    @Column(name = "cell_code", nullable = false)
    public String cellCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IntakeChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band", nullable = false)
    public AgeBand ageBand;

    @Enumerated(EnumType.STRING)
    @Column(name = "sex_gender", nullable = false)
    public SexGender sexGender;

    /** The day the incident happened (or began), null when unknown. */
    @Column(name = "incident_date")
    public LocalDate incidentDate;

    /** GBVIMS core type, null until classified. */
    @Enumerated(EnumType.STRING)
    @Column(name = "incident_type")
    public IncidentCategory incidentType;

    /** Distinct, in declaration order; set through {@link #legalSections(Collection)}. */
    @Convert(converter = CodeListConverter.LegalSections.class)
    @Mutability(Immutability.class)
    @Column(name = "legal_sections", nullable = false)
    public List<LegalSection> legalSections = List.of();

    @Convert(converter = CodeListConverter.Disabilities.class)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public List<Disability> disabilities = List.of();

    @Convert(converter = CodeListConverter.Vulnerabilities.class)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public List<Vulnerability> vulnerabilities = List.of();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Column(name = "arrived_at", nullable = false)
    public Instant arrivedAt;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "exam_due_at", nullable = false)
    public Instant examDueAt;

    @Column(name = "exam_done_at")
    public Instant examDoneAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;

    public List<LegalSection> legalSectionList() {
        return legalSections;
    }

    public void legalSections(Collection<LegalSection> sections) {
        legalSections = CodeListConverter.normalised(sections);
    }

    public List<Disability> disabilityList() {
        return disabilities;
    }

    public void disabilities(Collection<Disability> flags) {
        disabilities = CodeListConverter.normalised(flags);
    }

    public List<Vulnerability> vulnerabilityList() {
        return vulnerabilities;
    }

    public void vulnerabilities(Collection<Vulnerability> flags) {
        vulnerabilities = CodeListConverter.normalised(flags);
    }

    /** Whether the medico-legal exam deadline passed unmet (done late, or not done and overdue). */
    public boolean examDeadlineBreached(Instant now) {
        return examDoneAt != null ? examDoneAt.isAfter(examDueAt) : now.isAfter(examDueAt);
    }

    /**
     * The case, if it lies within the scope: the cell is a condition of the query, never a check made after
     * loading. An administrator's override scope reaches every cell.
     */
    public static Optional<SurvivorCase> findInScope(UUID id, AccessScope scope) {
        return scope.cell()
                .map(cell -> find("id = ?1 and cellCode = ?2", id, cell).<SurvivorCase>firstResultOptional())
                .orElseGet(() -> findByIdOptional(id));
    }
}
