package org.arcc.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Each module's {@code TestTiersTest extends TestTiersCheck} (tagged {@link UnitTest}) fails the build when one
 * of the module's test classes is in the wrong tier ({@link TestTiers}).
 */
public abstract class TestTiersCheck {

    @Test
    void everyTestClassIsEitherAUnitTestOrBootsTheApplication() throws URISyntaxException {
        Path testClasses = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        Assertions.assertEquals("", String.join("\n", TestTiers.misplaced(testClasses)),
                "Tag plain JUnit tests @UnitTest and never a @QuarkusTest (docs/architecture.md, 'Tests')");
    }
}
