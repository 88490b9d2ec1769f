package org.arcc.custody;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bundle file format {@value CustodyBundle#FORMAT}:
 *
 * <pre>
 * {"format":"arcc-custody-bundle/1",
 *  "item":{"itemId":..,"kitNumber":..,"caseId":..,"type":..,"sealNumber":..,"cell":..},
 *  "entries":[{"leafIndex":17,"leafHash":"hex","entry":{..},"inclusionProof":["hex",..]},..],
 *  "checkpoint":{"origin":..,"treeSize":..,"rootHash":"hex","issuedAt":..,"keyId":..,"signature":"base64"},
 *  "consistency":{"fromTreeSize":..,"fromRootHash":"hex","proof":["hex",..]},   (optional)
 *  "publicKey":{"algorithm":"Ed25519","keyId":..,"spki":"base64"}}
 * </pre>
 *
 * Written indented for people to read; entry objects are written with their keys in canonical order so the text
 * a person sees lists the fields in the order they are hashed.
 */
public final class CustodyBundles {

    private CustodyBundles() {
    }

    public static String toJson(CustodyBundle bundle) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", CustodyBundle.FORMAT);
        json.put("item", bundle.item());
        List<Object> entries = new ArrayList<>();
        for (BundleEntry e : bundle.entries()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("leafIndex", e.leafIndex());
            entry.put("leafHash", e.leafHash());
            entry.put("entry", sortedDeep(e.entry()));
            entry.put("inclusionProof", e.inclusionProof());
            entries.add(entry);
        }
        json.put("entries", entries);
        json.put("checkpoint", bundle.checkpoint().toJson());
        if (bundle.consistency() != null) {
            Map<String, Object> consistency = new LinkedHashMap<>();
            consistency.put("fromTreeSize", bundle.consistency().fromTreeSize());
            consistency.put("fromRootHash", bundle.consistency().fromRootHash());
            consistency.put("proof", bundle.consistency().proof());
            json.put("consistency", consistency);
        }
        Map<String, Object> publicKey = new LinkedHashMap<>();
        publicKey.put("algorithm", CheckpointKeys.ALGORITHM);
        publicKey.put("keyId", keyIdOrNull(bundle.publicKeySpki()));
        publicKey.put("spki", bundle.publicKeySpki());
        json.put("publicKey", publicKey);
        StringBuilder out = new StringBuilder();
        pretty(json, out, "");
        return out.append('\n').toString();
    }

    /**
     * Reads a bundle. Checks the shape (format, every field present with the right type) but not the content: that
     * is {@link BundleVerifier}'s job, so a bundle whose hashes or signature are wrong still reads.
     *
     * @throws IllegalArgumentException naming the first missing or ill-typed field, or the JSON syntax error
     */
    public static CustodyBundle fromJson(String json) {
        Object parsed = CanonicalJson.parse(json);
        if (!(parsed instanceof Map)) {
            throw new IllegalArgumentException("a custody bundle is a JSON object, this is " + Fields.describe(parsed));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) parsed;
        String format = Fields.string(root, "format", "bundle");
        if (!CustodyBundle.FORMAT.equals(format)) {
            throw new IllegalArgumentException("bundle.format is \"" + format + "\"; this verifier reads \""
                    + CustodyBundle.FORMAT + "\"");
        }
        Map<String, Object> item = Fields.object(root, "item", "bundle");
        List<Object> rawEntries = Fields.array(root, "entries", "bundle");
        List<BundleEntry> entries = new ArrayList<>();
        for (int i = 0; i < rawEntries.size(); i++) {
            String where = "bundle.entries[" + i + "]";
            if (!(rawEntries.get(i) instanceof Map)) {
                throw new IllegalArgumentException(where + " must be an object, was " + Fields.describe(rawEntries.get(i)));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> e = (Map<String, Object>) rawEntries.get(i);
            entries.add(new BundleEntry(Fields.integer(e, "leafIndex", where), Fields.string(e, "leafHash", where),
                    Fields.object(e, "entry", where), Fields.strings(e, "inclusionProof", where)));
        }
        Checkpoint checkpoint = Checkpoint.fromJson(Fields.object(root, "checkpoint", "bundle"));
        Consistency consistency = null;
        if (root.get("consistency") != null) {
            Map<String, Object> c = Fields.object(root, "consistency", "bundle");
            consistency = new Consistency(Fields.integer(c, "fromTreeSize", "bundle.consistency"),
                    Fields.string(c, "fromRootHash", "bundle.consistency"), Fields.strings(c, "proof", "bundle.consistency"));
        }
        Map<String, Object> publicKey = Fields.object(root, "publicKey", "bundle");
        String algorithm = Fields.string(publicKey, "algorithm", "bundle.publicKey");
        if (!CheckpointKeys.ALGORITHM.equals(algorithm)) {
            throw new IllegalArgumentException("bundle.publicKey.algorithm is \"" + algorithm + "\"; checkpoints are signed with "
                    + CheckpointKeys.ALGORITHM);
        }
        return new CustodyBundle(item, entries, checkpoint, consistency, Fields.string(publicKey, "spki", "bundle.publicKey"));
    }

    private static String keyIdOrNull(String spki) {
        try {
            return CheckpointKeys.keyId(CheckpointKeys.publicKeyFromSpki(spki));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Object sortedDeep(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), sortedDeep(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(sortedDeep(v)));
            return out;
        }
        return value;
    }

    // Indented JSON, two spaces a level; empty containers stay on one line.
    private static void pretty(Object value, StringBuilder out, String indent) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            String inner = indent + "  ";
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(",\n");
                }
                first = false;
                out.append(inner);
                CanonicalJson.appendString(String.valueOf(e.getKey()), out, "$");
                out.append(": ");
                pretty(e.getValue(), out, inner);
            }
            out.append('\n').append(indent).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            String inner = indent + "  ";
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(",\n");
                }
                out.append(inner);
                pretty(list.get(i), out, inner);
            }
            out.append('\n').append(indent).append(']');
        } else {
            out.append(CanonicalJson.encode(value));
        }
    }
}
