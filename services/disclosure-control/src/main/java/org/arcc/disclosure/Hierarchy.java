package org.arcc.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A classification with totals, e.g. cell → province → national ({@code PK}), month → quarter → year, or
 * categories → {@code TOTAL}. Every code has exactly one parent; the root is the total, and every non-leaf
 * code is published as the sum of its children.
 */
public final class Hierarchy {

    private final String name;
    private final String total;
    private final Map<String, String> parents;
    private final Map<String, List<String>> children;

    private Hierarchy(String name, String total, Map<String, String> parents, Map<String, List<String>> children) {
        this.name = name;
        this.total = total;
        this.parents = parents;
        this.children = children;
    }

    /** Starts a classification named {@code name} (shared by linked tables) whose grand total is {@code total}. */
    public static Builder of(String name, String total) {
        return new Builder(name, total);
    }

    public static final class Builder {
        private final String name;
        private final String total;
        private final Map<String, String> parents = new LinkedHashMap<>();

        private Builder(String name, String total) {
            this.name = Objects.requireNonNull(name, "name");
            this.total = Objects.requireNonNull(total, "total");
            parents.put(total, null);
        }

        /** Adds {@code code} under {@code parent}, which must already be in the classification. */
        public Builder add(String parent, String code) {
            Objects.requireNonNull(code, "code");
            if (!parents.containsKey(parent)) {
                throw new IllegalArgumentException("unknown parent code in " + name + ": " + parent);
            }
            if (parents.containsKey(code)) {
                throw new IllegalArgumentException("code appears twice in " + name + ": " + code);
            }
            parents.put(code, parent);
            return this;
        }

        public Hierarchy build() {
            Map<String, List<String>> children = new LinkedHashMap<>();
            parents.keySet().forEach(code -> children.put(code, new ArrayList<>()));
            parents.forEach((code, parent) -> {
                if (parent != null) {
                    children.get(parent).add(code);
                }
            });
            Map<String, List<String>> frozen = new LinkedHashMap<>();
            children.forEach((code, list) -> frozen.put(code, List.copyOf(list)));
            return new Hierarchy(name, total, Collections.unmodifiableMap(new LinkedHashMap<>(parents)),
                    Collections.unmodifiableMap(frozen));
        }
    }

    public String name() {
        return name;
    }

    public String total() {
        return total;
    }

    /** The parent of {@code code}; null for the total. */
    public String parentOf(String code) {
        requireKnown(code);
        return parents.get(code);
    }

    public List<String> childrenOf(String code) {
        requireKnown(code);
        return children.get(code);
    }

    public boolean isLeaf(String code) {
        return childrenOf(code).isEmpty();
    }

    /** Every code, the total first, parents before their children. */
    public Set<String> codes() {
        return parents.keySet();
    }

    public boolean contains(String code) {
        return parents.containsKey(code);
    }

    /** Number of steps from the total: 0 for the total, 1 for its children, … */
    public int depth(String code) {
        int depth = 0;
        for (String c = parentOf(code); c != null; c = parents.get(c)) {
            depth++;
        }
        return depth;
    }

    /** {@code code} itself, its parent, …, up to the total. */
    public List<String> selfAndAncestors(String code) {
        requireKnown(code);
        List<String> chain = new ArrayList<>();
        for (String c = code; c != null; c = parents.get(c)) {
            chain.add(c);
        }
        return chain;
    }

    private void requireKnown(String code) {
        if (!parents.containsKey(code)) {
            throw new IllegalArgumentException("unknown code in " + name + ": " + code);
        }
    }

    @Override
    public String toString() {
        return name + parents.keySet();
    }
}
