package org.arcc.cases.domain.medicolegal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** docs/medico-legal.md lists every check with the reason, the source and the override rule the code applies. */
@UnitTest
class MedicoLegalDocsTest {

    @Test
    void theDocsListEveryCheckAsTheCodeHasIt() throws Exception {
        String doc = Files.readString(Path.of("../../docs/medico-legal.md"));
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\|$").matcher(doc);
        Map<String, List<String>> documented = new LinkedHashMap<>();
        while (row.find()) {
            documented.put(row.group(1), List.of(row.group(2).strip(), row.group(3).strip(),
                    row.group(4).strip().startsWith("yes") ? "overridable" : "not overridable"));
        }
        assertThat(documented).isEqualTo(Arrays.stream(ReportCheck.values()).collect(Collectors.toMap(Enum::name,
                c -> List.of(c.reason(), c.source(), c.overridable() ? "overridable" : "not overridable"), (a, b) -> a,
                LinkedHashMap::new)));
    }
}
