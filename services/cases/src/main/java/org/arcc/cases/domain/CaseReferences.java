package org.arcc.cases.domain;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Hands out pseudonymous references, {@code <CELL>-<YEAR>-<NNNNN>}, unique per cell and year.
 *
 * <p>The counter row of a cell and year is locked by the update until its transaction ends, so every intake
 * of that cell waits for it. Callers therefore allocate in a transaction of its own that commits at once
 * (see {@code CaseIntake.open}), as a database sequence would: a number is never handed out twice, but an
 * intake that fails after allocating leaves a gap in its cell's numbering.
 */
@ApplicationScoped
public class CaseReferences {

    /** Allocates only for a cell that exists: no row comes back for an unknown cell code. */
    private static final String NEXT = """
            INSERT INTO case_reference_counter (cell_code, year, last_value)
            SELECT code, ?2, 1 FROM cell WHERE code = ?1
            ON CONFLICT (cell_code, year) DO UPDATE SET last_value = case_reference_counter.last_value + 1
            RETURNING last_value""";

    @Inject
    EntityManager entityManager;

    /** The next reference of the cell in the year, or empty when no such cell exists. */
    public Optional<String> next(String cellCode, int year) {
        List<?> value = entityManager.createNativeQuery(NEXT)
                .setParameter(1, cellCode)
                .setParameter(2, year)
                .getResultList();
        return value.stream().findFirst()
                .map(n -> "%s-%d-%05d".formatted(cellCode, year, ((Number) n).intValue()));
    }
}
