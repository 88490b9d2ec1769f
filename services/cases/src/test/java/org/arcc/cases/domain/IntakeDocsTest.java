package org.arcc.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** The legal section catalogue in docs/intake.md is the enum's, code by code, with the same section numbers. */
@UnitTest
class IntakeDocsTest {

    @Test
    void docsListTheLegalSectionCatalogueExactly() throws Exception {
        String doc = Files.readString(Path.of("../../docs/intake.md"));
        Matcher row = Pattern.compile("(?m)^\\| `((?:PPC|PECA)_[0-9A-Z_]+)` \\| [^|]+ \\| ([^|]+) \\|").matcher(doc);
        var documented = new java.util.LinkedHashMap<String, String>();
        while (row.find()) {
            documented.put(row.group(1), row.group(2).strip());
        }
        assertThat(documented).isEqualTo(Arrays.stream(LegalSection.values()).collect(Collectors.toMap(Enum::name,
                LegalSection::section, (a, b) -> a, java.util.LinkedHashMap::new)));
    }
}
