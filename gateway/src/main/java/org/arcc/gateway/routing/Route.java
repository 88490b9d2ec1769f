package org.arcc.gateway.routing;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A path prefix, the upstream that serves it, and who may call it with which methods.
 *
 * @param name     short name for logs and metrics
 * @param prefix   path prefix; matches the prefix itself and everything below it
 * @param upstream name of the upstream in {@code arcc.gateway.upstreams}
 * @param rules    checked in order; the first whose methods include the request's method decides
 */
public record Route(String name, String prefix, String upstream, List<Rule> rules) {

    /**
     * @param methods HTTP methods the rule covers; empty means all
     * @param roles   realm roles allowed; empty with {@code anonymous} means no token needed
     */
    public record Rule(Set<String> methods, Set<String> roles, boolean anonymous) {

        public static Rule any(Set<String> roles) {
            return new Rule(Set.of(), roles, false);
        }

        public static Rule on(Set<String> methods, Set<String> roles) {
            return new Rule(methods, roles, false);
        }

        public static Rule publicAccess(Set<String> methods) {
            return new Rule(methods, Set.of(), true);
        }

        boolean covers(String method) {
            return methods.isEmpty() || methods.contains(method);
        }
    }

    public boolean matches(String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** The rule for a method, or empty when the method is not allowed on this route at all. */
    public Optional<Rule> ruleFor(String method) {
        return rules.stream().filter(r -> r.covers(method)).findFirst();
    }
}
