package org.arcc.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts over the cross product of its dimensions, at every level: leaves and totals. Tables with the same
 * {@link #population()} count the same people, so they share their margins: the {@code survivors} table by
 * age band and the one by sex have the same geography × period totals, and an attacker may combine them.
 */
public final class CountTable {

    private final String id;
    private final String population;
    private final List<Hierarchy> dimensions;
    private final Map<List<String>, Long> values = new HashMap<>();

    public CountTable(String id, String population, List<Hierarchy> dimensions) {
        this.id = Objects.requireNonNull(id, "id");
        this.population = Objects.requireNonNull(population, "population");
        this.dimensions = List.copyOf(dimensions);
        if (this.dimensions.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one dimension: " + id);
        }
        if (this.dimensions.stream().map(Hierarchy::name).distinct().count() != this.dimensions.size()) {
            throw new IllegalArgumentException("two dimensions of one table share a name: " + id);
        }
    }

    /** Adds {@code n} to a combination of leaf codes (one per dimension, in order); every total follows. */
    public void count(List<String> leafCodes, long n) {
        requireCodes(leafCodes);
        for (int d = 0; d < dimensions.size(); d++) {
            if (!dimensions.get(d).isLeaf(leafCodes.get(d))) {
                throw new IllegalArgumentException("not a leaf code of " + dimensions.get(d).name() + ": "
                        + leafCodes.get(d) + " (count at the leaves; totals follow)");
            }
        }
        if (n < 0) {
            throw new IllegalArgumentException("a count cannot go below zero");
        }
        addToAncestors(leafCodes, 0, new ArrayList<>(), n);
    }

    private void addToAncestors(List<String> leafCodes, int d, List<String> prefix, long n) {
        if (d == dimensions.size()) {
            values.merge(List.copyOf(prefix), n, Long::sum);
            return;
        }
        for (String code : dimensions.get(d).selfAndAncestors(leafCodes.get(d))) {
            prefix.add(code);
            addToAncestors(leafCodes, d + 1, prefix, n);
            prefix.remove(prefix.size() - 1);
        }
    }

    /** The count of any combination of codes, totals included (0 when nothing was counted there). */
    public long value(List<String> codes) {
        requireCodes(codes);
        return values.getOrDefault(codes, 0L);
    }

    public String id() {
        return id;
    }

    public String population() {
        return population;
    }

    public List<Hierarchy> dimensions() {
        return dimensions;
    }

    /** Every combination of codes of the table (the cross product of its dimensions), in a stable order. */
    public List<List<String>> combinations() {
        List<List<String>> all = new ArrayList<>();
        all.add(List.of());
        for (Hierarchy dimension : dimensions) {
            List<List<String>> next = new ArrayList<>(all.size() * dimension.codes().size());
            for (List<String> prefix : all) {
                for (String code : dimension.codes()) {
                    List<String> combination = new ArrayList<>(prefix);
                    combination.add(code);
                    next.add(combination);
                }
            }
            all = next;
        }
        return all.stream().map(List::copyOf).toList();
    }

    private void requireCodes(List<String> codes) {
        if (codes.size() != dimensions.size()) {
            throw new IllegalArgumentException("table " + id + " has " + dimensions.size() + " dimensions, got "
                    + codes.size() + " codes");
        }
        for (int d = 0; d < dimensions.size(); d++) {
            if (!dimensions.get(d).contains(codes.get(d))) {
                throw new IllegalArgumentException("unknown code in " + dimensions.get(d).name() + ": " + codes.get(d));
            }
        }
    }

    @Override
    public String toString() {
        return "CountTable[" + id + " of " + population + " by " + dimensions.stream().map(Hierarchy::name).toList() + "]";
    }
}
