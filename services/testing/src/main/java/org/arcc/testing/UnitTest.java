package org.arcc.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A fast test: plain JUnit, no Quarkus, no database, broker or OIDC server; it checks a rule or a piece of
 * pure logic in milliseconds. {@code ./mvnw test -Dgroups=unit} runs only these. Tests that boot the
 * application are {@code @QuarkusTest} and never carry this tag ({@code TestTiersTest} checks both ways).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(UnitTest.TAG)
public @interface UnitTest {

    String TAG = "unit";
}
