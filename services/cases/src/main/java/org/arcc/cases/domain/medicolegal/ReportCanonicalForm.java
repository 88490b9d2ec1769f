package org.arcc.cases.domain.medicolegal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The bytes a signed version stands for: UTF-8 JSON of the case id, the version number, the content, who signed
 * when, the amendment reason and the overrides, with every object's keys in alphabetical order and times in ISO
 * 8601 UTC. Its SHA-256 is what the audit trail records at signing; the same version always gives the same bytes.
 */
public final class ReportCanonicalForm {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .addModule(new JavaTimeModule())
            .build();

    private ReportCanonicalForm() {
    }

    public static byte[] of(UUID caseId, MedicoLegalReport.Version version) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("form", "arcc.medico-legal-report.v1");
        form.put("caseId", caseId.toString());
        form.put("version", version.number());
        form.put("content", version.content());
        form.put("signedBy", version.signedBy());
        form.put("signedAt", version.signedAt());
        form.put("amendmentReason", version.amendmentReason());
        form.put("overrides", version.overrides().stream().map(o -> Map.of("check", o.check().name(), "reason",
                o.reason(), "by", o.by(), "at", o.at().toString())).toList());
        try {
            return CANONICAL.writeValueAsBytes(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The report cannot be written in canonical form", e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
