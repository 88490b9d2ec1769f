package org.arcc.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.arcc.contracts.LegalSectionCodes;
import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** The wire copy of the legal section codes (used by services that must not depend on cases) is the catalogue's. */
@UnitTest
class LegalSectionCodesTest {

    @Test
    void theContractsCopyListsExactlyTheCatalogueCodesInOrder() {
        assertThat(LegalSectionCodes.ALL).containsExactlyElementsOf(
                Arrays.stream(LegalSection.values()).map(Enum::name).toList());
    }
}
