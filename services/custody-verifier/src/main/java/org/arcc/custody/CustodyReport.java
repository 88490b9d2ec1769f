package org.arcc.custody;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A custody bundle and its verification as a Markdown page a judge can read: the verdict first, then the item,
 * every custody entry in order in plain words, the signed checkpoint and how it was all checked. It shows only
 * what the bundle holds; there is no survivor identity in a bundle and the report adds none.
 */
public final class CustodyReport {

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("COLLECTED", "Collected"),
            Map.entry("SEALED", "Sealed"),
            Map.entry("TRANSFERRED", "Handed over for transport"),
            Map.entry("RECEIVED", "Received"),
            Map.entry("STORED", "Put into storage"),
            Map.entry("SUBMITTED_TO_LAB", "Submitted to the laboratory"),
            Map.entry("ANALYSED", "Analysed by the laboratory"),
            Map.entry("RETURNED", "Returned"),
            Map.entry("PRODUCED_IN_COURT", "Produced in court"),
            Map.entry("DISPOSED", "Disposed of"),
            Map.entry("RESTRICTED", "Access restricted"),
            Map.entry("RELEASED_FOR_TESTING", "Released for testing"));

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("itemId", "Item id"),
            Map.entry("kitNumber", "Kit number"),
            Map.entry("caseId", "Case id"),
            Map.entry("type", "Type"),
            Map.entry("sealNumber", "Seal number"),
            Map.entry("cell", "Crisis cell"),
            Map.entry("from", "from"),
            Map.entry("to", "to"),
            Map.entry("courier", "courier"),
            Map.entry("sealIntact", "seal intact"),
            Map.entry("location", "location"),
            Map.entry("resultReference", "result reference"),
            Map.entry("documentHash", "document hash"),
            Map.entry("reason", "reason"));

    private CustodyReport() {
    }

    public static String render(CustodyBundle bundle, VerificationResult result) {
        Map<String, Object> item = bundle.item();
        Object kit = item.get("kitNumber") != null ? item.get("kitNumber") : item.get(CustodyEntries.ITEM_ID);
        StringBuilder md = new StringBuilder();
        md.append("# Chain of custody: kit ").append(text(kit)).append("\n\n");

        List<Finding> problems = result.problems();
        if (result.intact()) {
            md.append("**Verdict: INTACT.** All ").append(result.entriesChecked())
                    .append(" custody entries below are exactly as they were logged, are in the signed log, and follow "
                            + "one another without gaps, duplicates or reordering.\n\n");
        } else {
            md.append("**Verdict: NOT INTACT.** ").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
                    .append(" found:\n\n");
            for (Finding f : problems) {
                md.append("- ").append(text(f.message())).append('\n');
            }
            md.append('\n');
        }
        List<Finding> warnings = result.warnings();
        if (!warnings.isEmpty()) {
            md.append("Please note:\n\n");
            for (Finding f : warnings) {
                md.append("- ").append(text(f.message())).append('\n');
            }
            md.append('\n');
        }

        md.append("## The item\n\n| | |\n| --- | --- |\n");
        for (Map.Entry<String, Object> e : item.entrySet()) {
            md.append("| ").append(cell(label(e.getKey(), true))).append(" | ").append(cell(text(e.getValue()))).append(" |\n");
        }

        md.append("\n## Custody entries, in order\n\n")
                .append("| # | When (UTC) | What happened | By | Details | Log position |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (BundleEntry e : bundle.entries()) {
            Map<String, Object> entry = e.entry();
            md.append("| ").append(cell(text(entry.get(CustodyEntries.SEQUENCE))))
                    .append(" | ").append(cell(text(entry.get(CustodyEntries.RECORDED_AT))))
                    .append(" | ").append(cell(action(entry.get(CustodyEntries.ACTION))))
                    .append(" | ").append(cell(text(entry.get(CustodyEntries.RECORDED_BY))))
                    .append(" | ").append(cell(details(entry.get(CustodyEntries.DETAILS))))
                    .append(" | ").append("leaf ").append(e.leafIndex())
                    .append(" |\n");
        }

        Checkpoint cp = bundle.checkpoint();
        md.append("\n## Signed checkpoint\n\n| | |\n| --- | --- |\n")
                .append("| Log | ").append(cell(cp.origin())).append(" |\n")
                .append("| Entries in the log | ").append(cp.treeSize()).append(" |\n")
                .append("| Root hash | `").append(Hashes.hex(cp.rootHash())).append("` |\n")
                .append("| Issued | ").append(cp.issuedAt()).append(" |\n")
                .append("| Signing key id | `").append(cell(cp.keyId())).append("` |\n");
        if (bundle.consistency() != null) {
            md.append("| Consistency proof included, from log size | ").append(bundle.consistency().fromTreeSize()).append(" |\n");
        }

        md.append("""

                ## How this was checked

                Each custody entry was turned back into the exact text that was logged and its SHA-256 fingerprint \
                (hash) was computed again. Any change to an entry after it was logged, even of one character, \
                changes that fingerprint. Each fingerprint was then traced, through the inclusion proof in the \
                bundle, up to the root hash of the whole ARCC custody log, and that root was checked against the \
                Ed25519 signature of the checkpoint above. Each entry also records the fingerprint of the entry \
                before it, so entries cannot be removed, inserted or swapped without breaking the chain. \
                If an earlier checkpoint was supplied, the log was also shown to have only grown since then.

                This shows the entries were not changed after they were logged. It does not show that what was \
                logged is true: that rests on the people who recorded it. Whether the signing key is ARCC's \
                must be settled by comparing its key id with the key ARCC publishes.
                """);
        return md.toString();
    }

    static String action(Object action) {
        if (action == null) {
            return "(no action recorded)";
        }
        String code = String.valueOf(action);
        String words = ACTIONS.get(code);
        if (words != null) {
            return words;
        }
        String plain = code.toLowerCase().replace('_', ' ');
        return plain.isEmpty() ? code : Character.toUpperCase(plain.charAt(0)) + plain.substring(1);
    }

    private static String details(Object details) {
        if (!(details instanceof Map<?, ?> map) || map.isEmpty()) {
            return "";
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        map.forEach((k, v) -> ordered.put(String.valueOf(k), v));
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Object> e : ordered.entrySet()) {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(label(e.getKey(), false)).append(": ").append(text(e.getValue()));
        }
        return out.toString();
    }

    // camelCase field names in words: "sealIntact" -> "seal intact"
    private static String label(String key, boolean capitalise) {
        String words = LABELS.get(key);
        if (words == null) {
            words = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
        }
        if (!words.isEmpty()) {
            words = (capitalise ? words.substring(0, 1).toUpperCase() : words.substring(0, 1).toLowerCase()) + words.substring(1);
        }
        return words;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    // Keeps table cells one line and stops pipes or HTML in logged text from breaking the page.
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\r", " ").replace("\n", " ");
    }
}
