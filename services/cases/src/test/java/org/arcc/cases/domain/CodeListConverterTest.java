package org.arcc.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** The stored form of code sets is the one rows were written in before the converter: sorted, comma-joined. */
@UnitTest
class CodeListConverterTest {

    private final CodeListConverter<Disability> disabilities = new CodeListConverter.Disabilities();

    @Test
    void codesAreStoredDistinctInDeclarationOrder() {
        Disability[] all = Disability.values();
        String stored = disabilities.convertToDatabaseColumn(List.of(all[1], all[0], all[1]));
        assertThat(stored).isEqualTo(all[0].name() + "," + all[1].name());
        assertThat(disabilities.convertToEntityAttribute(stored)).containsExactly(all[0], all[1]);
    }

    @Test
    void noneIsTheEmptyString() {
        assertThat(disabilities.convertToDatabaseColumn(List.of())).isEmpty();
        assertThat(disabilities.convertToDatabaseColumn(null)).isEmpty();
        assertThat(disabilities.convertToEntityAttribute("")).isEmpty();
    }

    @Test
    void rowsWrittenBeforeTheConverterReadTheSame() {
        assertThat(new CodeListConverter.LegalSections().convertToEntityAttribute("PPC_376,PPC_377"))
                .containsExactly(LegalSection.PPC_376, LegalSection.PPC_377);
    }
}
