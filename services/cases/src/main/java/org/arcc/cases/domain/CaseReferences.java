package org.arcc.cases.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Hands out pseudonymous references, {@code <CELL>-<YEAR>-<NNNNN>}, unique per cell and year. The counter
 * row is updated in the caller's transaction, so a rolled-back intake may leave a gap but never a duplicate.
 */
@ApplicationScoped
public class CaseReferences {

    private static final String NEXT = """
            INSERT INTO case_reference_counter (cell_code, year, last_value) VALUES (?1, ?2, 1)
            ON CONFLICT (cell_code, year) DO UPDATE SET last_value = case_reference_counter.last_value + 1
            RETURNING last_value""";

    @Inject
    EntityManager entityManager;

    public String next(String cellCode, int year) {
        Number value = (Number) entityManager.createNativeQuery(NEXT)
                .setParameter(1, cellCode)
                .setParameter(2, year)
                .getSingleResult();
        return "%s-%d-%05d".formatted(cellCode, year, value.intValue());
    }
}
