package org.arcc.cases.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A set of enum codes stored in one text column, comma-separated in declaration order ({@code "HEARING,VISUAL"},
 * empty for none): the form the V8 and V9 migrations defined, so rows written before the converter read the same.
 * The order is fixed so that the same set is always stored (and published) the same way.
 */
public abstract class CodeListConverter<E extends Enum<E>> implements AttributeConverter<List<E>, String> {

    private final Function<String, E> code;

    protected CodeListConverter(Function<String, E> code) {
        this.code = code;
    }

    /** Distinct codes in declaration order: what is stored and what the entity holds. */
    public static <E extends Enum<E>> List<E> normalised(Collection<E> values) {
        return values == null ? List.of() : values.stream().distinct().sorted().toList();
    }

    @Override
    public String convertToDatabaseColumn(List<E> values) {
        return normalised(values).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public List<E> convertToEntityAttribute(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.stream(joined.split(",")).map(code).toList();
    }

    @Converter
    public static class LegalSections extends CodeListConverter<LegalSection> {
        public LegalSections() {
            super(LegalSection::valueOf);
        }
    }

    @Converter
    public static class Disabilities extends CodeListConverter<Disability> {
        public Disabilities() {
            super(Disability::valueOf);
        }
    }

    @Converter
    public static class Vulnerabilities extends CodeListConverter<Vulnerability> {
        public Vulnerabilities() {
            super(Vulnerability::valueOf);
        }
    }
}
