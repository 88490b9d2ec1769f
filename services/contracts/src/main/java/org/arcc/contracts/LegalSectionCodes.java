package org.arcc.contracts;

import java.util.List;
import java.util.Set;

/**
 * The legal section codes that travel on the wire ({@code legalSections} of {@code arcc.case.opened.v2}, the
 * legal-aid service's FIR, verdict and register-notice events). The cases service owns the catalogue (its
 * {@code LegalSection} enum, with titles); this is a copy of its codes only, so that other services can check a
 * code without depending on the cases module. A test in the cases service fails when the two disagree.
 */
public final class LegalSectionCodes {

    /** Every code, in the catalogue's order. */
    public static final List<String> ALL = List.of(
            "PPC_292_A", "PPC_292_B", "PPC_292_C", "PPC_354", "PPC_354_A", "PPC_365_B", "PPC_371_A", "PPC_371_B",
            "PPC_375", "PPC_375_A", "PPC_376", "PPC_376_2", "PPC_376_3", "PPC_377", "PPC_377_A", "PPC_377_B",
            "PPC_498_A", "PPC_498_B", "PPC_509",
            "PECA_20", "PECA_21", "PECA_22", "PECA_24");

    private static final Set<String> KNOWN = Set.copyOf(ALL);

    private LegalSectionCodes() {
    }

    public static boolean isKnown(String code) {
        return code != null && KNOWN.contains(code);
    }
}
