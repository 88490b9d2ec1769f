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
     * @param paths   paths the rule covers (a regular expression), or null for the whole route
     * @param roles   realm roles allowed; empty with {@code anonymous} means no token needed
     */
    public record Rule(Set<String> methods, java.util.regex.Pattern paths, Set<String> roles, boolean anonymous) {

        public static Rule any(Set<String> roles) {
            return new Rule(Set.of(), null, roles, false);
        }

        public static Rule on(Set<String> methods, Set<String> roles) {
            return new Rule(methods, null, roles, false);
        }

        public static Rule on(Set<String> methods, String pathRegex, Set<String> roles) {
            return new Rule(methods, java.util.regex.Pattern.compile(pathRegex), roles, false);
        }

        public static Rule publicAccess(Set<String> methods) {
            return new Rule(methods, null, Set.of(), true);
        }

        boolean covers(String method, String path) {
            return (methods.isEmpty() || methods.contains(method)) && (paths == null || paths.matcher(path).matches());
        }
    }

    public boolean matches(String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /**
     * The path as logs and traces may show it: below a public route's prefix is the survivor's one-time code, her
     * key, so it never leaves the request.
     */
    public String loggablePath(String path) {
        return rules.stream().anyMatch(Rule::anonymous) && path.length() > prefix.length() ? prefix + "/{redacted}" : path;
    }

    /** The rule for a request, or empty when the method is not allowed there at all. */
    public Optional<Rule> ruleFor(String method, String path) {
        return rules.stream().filter(r -> r.covers(method, path)).findFirst();
    }
}
