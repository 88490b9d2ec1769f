package org.arcc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The two tiers of tests, checked: a test class either boots the application ({@code @QuarkusTest}, never
 * tagged {@value UnitTest#TAG}) or is a plain JUnit test tagged {@link UnitTest}; a plain test that starts real
 * infrastructure itself (an embedded PostgreSQL, say) says so with {@code @Tag("infrastructure")}.
 * Each module's {@code TestTiersTest} runs {@link #misplaced} over its compiled test classes.
 */
public final class TestTiers {

    /** The tag of a plain JUnit test that starts real infrastructure itself: neither fast nor a Quarkus test. */
    public static final String INFRASTRUCTURE = "infrastructure";

    private static final Set<String> BOOTS_THE_APPLICATION = Set.of("io.quarkus.test.junit.QuarkusTest",
            "io.quarkus.test.junit.QuarkusIntegrationTest", "io.quarkus.test.junit.main.QuarkusMainTest");

    private TestTiers() {
    }

    /**
     * What is wrong with the tiers of the test classes compiled to {@code testClasses} (e.g.
     * {@code target/test-classes}), one sentence per class; empty when every class is in its tier. Benchmarks
     * ({@code *Bench}) and black-box tests ({@code *IT}) run in their own profiles and are not checked.
     */
    public static List<String> misplaced(Path testClasses) {
        List<String> problems = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (Stream<Path> files = Files.walk(testClasses)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = testClasses.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                if (name.contains("$") || name.endsWith("Bench") || name.endsWith("IT")) {
                    continue; // nested classes take their enclosing class's tags
                }
                Class<?> type = Class.forName(name, false, loader);
                if (Modifier.isAbstract(type.getModifiers()) || !hasTests(type)) {
                    continue;
                }
                boolean boots = bootsTheApplication(type);
                Set<String> tags = tags(type);
                if (boots && tags.contains(UnitTest.TAG)) {
                    problems.add(name + " boots the application (@QuarkusTest) but is tagged @UnitTest");
                } else if (!boots && !tags.contains(UnitTest.TAG) && !tags.contains(INFRASTRUCTURE)) {
                    problems.add(name + " is a plain JUnit test without @UnitTest (or @Tag(\"" + INFRASTRUCTURE + "\"))");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Test class not on the class path: " + e.getMessage(), e);
        }
        return problems;
    }

    private static boolean hasTests(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (AnnotationSupport.isAnnotated(m, Testable.class)) {
                    return true;
                }
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (hasTests(nested)) {
                return true;
            }
        }
        return false;
    }

    private static boolean bootsTheApplication(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Annotation a : c.getAnnotations()) {
                if (BOOTS_THE_APPLICATION.contains(a.annotationType().getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> tags(Class<?> type) {
        return Set.copyOf(AnnotationSupport.findRepeatableAnnotations(type, Tag.class).stream().map(Tag::value).toList());
    }
}
