package org.arcc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The JAX-RS endpoints a service declares, read from its compiled resource classes, for authorization
 * matrices that must fail when an endpoint has no row. Works on annotation names, so this module needs no
 * JAX-RS dependency.
 */
public final class ResourceEndpoints {

    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
    private static final Set<String> ACCESS_RULES = Set.of("jakarta.annotation.security.RolesAllowed",
            "jakarta.annotation.security.PermitAll");

    /** One endpoint: {@code "POST /api/v1/cases/{id}/consents"} and whether it declares who may call it. */
    public record Endpoint(String key, boolean declaresAccess) {
    }

    private ResourceEndpoints() {
    }

    /** Every endpoint of the resource classes in a package of this module ({@code target/classes}). */
    public static List<Endpoint> in(String packageName) {
        Path dir = Path.of("target/classes").resolve(packageName.replace('.', '/'));
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(packageName + "." + name, false,
                        Thread.currentThread().getContextClassLoader());
                String base = path(type.getAnnotations());
                if (base == null) {
                    continue;
                }
                for (Method m : methods(type)) {
                    String verb = verb(m);
                    if (verb != null) {
                        String sub = path(m.getAnnotations());
                        String full = sub == null ? base : (base + "/" + sub).replaceAll("/+", "/");
                        boolean declares = Stream.concat(Stream.of(m.getAnnotations()), Stream.of(type.getAnnotations()))
                                .anyMatch(a -> ACCESS_RULES.contains(a.annotationType().getName()));
                        endpoints.add(new Endpoint(verb + " " + full, declares));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list resource classes in " + dir, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        if (endpoints.isEmpty()) {
            throw new IllegalStateException("No JAX-RS endpoints found in " + dir);
        }
        return endpoints;
    }

    /**
     * The POST endpoints of a package whose method and class both lack an annotation, named by its class name
     * (e.g. {@code org.arcc.common.idempotency.IdempotentPost}), for tests that every POST honours a header.
     */
    public static Set<String> postsWithout(String packageName, String annotation) {
        Set<String> missing = new TreeSet<>();
        Path dir = Path.of("target/classes").resolve(packageName.replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .toList()) {
                Class<?> type = Class.forName(packageName + "." + file.getFileName().toString().replace(".class", ""),
                        false, Thread.currentThread().getContextClassLoader());
                for (Method m : methods(type)) {
                    if ("POST".equals(verb(m)) && Stream.concat(Stream.of(m.getAnnotations()), Stream.of(type.getAnnotations()))
                            .noneMatch(a -> a.annotationType().getName().equals(annotation))) {
                        missing.add(type.getSimpleName() + "." + m.getName());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list resource classes in " + dir, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return missing;
    }

    /** The endpoint keys, sorted. */
    public static Set<String> keys(List<Endpoint> endpoints) {
        Set<String> keys = new TreeSet<>();
        endpoints.forEach(e -> keys.add(e.key()));
        return keys;
    }

    /**
     * The methods of a resource class and of the classes it extends (a shared base such as common's
     * {@code AuditVerificationEndpoints} declares endpoints the service's class inherits).
     */
    private static List<Method> methods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            methods.addAll(List.of(c.getDeclaredMethods()));
        }
        return methods;
    }

    private static String path(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().equals(PATH)) {
                return value(a);
            }
        }
        return null;
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            for (Annotation meta : a.annotationType().getAnnotations()) {
                if (meta.annotationType().getName().equals(HTTP_METHOD)) {
                    return value(meta);
                }
            }
        }
        return null;
    }

    private static String value(Annotation a) {
        try {
            return (String) a.annotationType().getMethod("value").invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + a, e);
        }
    }
}
