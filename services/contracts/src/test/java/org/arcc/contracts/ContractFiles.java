package org.arcc.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The contract files of this module, read from the source tree (the tests run in the module directory). */
final class ContractFiles {

    static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    static final Path RELEASED = Path.of("src/test/resources/released-schemas");
    static final Path DOCS = Path.of("../../docs");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractFiles() {
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
