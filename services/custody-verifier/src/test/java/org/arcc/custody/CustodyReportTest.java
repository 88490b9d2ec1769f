package org.arcc.custody;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CustodyReportTest {

    private final TestLog log = TestLog.sampleCase();
    private final CustodyBundle bundle = log.bundle(TestLog.KIT_A);

    @Test
    void anIntactBundleReadsAsAVerdictThenTheItemThenEveryEntryInPlainWords() {
        String report = CustodyReport.render(bundle, BundleVerifier.verify(bundle, log.keys.getPublic(), null));

        assertThat(report).startsWith("# Chain of custody: kit KHI-SAK-2026-0141\n\n**Verdict: INTACT.** All 9 custody entries");
        assertThat(report.indexOf("## The item")).isLessThan(report.indexOf("## Custody entries, in order"));
        assertThat(report).contains("| Seal number | SEAL-558201 |")
                .contains("| 1 | 2026-03-02T09:17:00Z | Collected | dr.ayesha.khan | location: Jinnah Postgraduate Medical Centre, Karachi;")
                .contains("| 3 | 2026-03-02T12:25:00Z | Handed over for transport | dr.ayesha.khan | from: JPMC medico-legal section; "
                        + "to: Punjab Forensic Science Agency; courier: hc.imran.ali | leaf 4 |")
                .contains("seal intact: yes")
                .contains("result reference: PFSA-DNA-2026-4410; document hash: 9f2c0a7d")
                .contains("| Entries in the log | 14 |")
                .contains("| Signing key id | `" + CheckpointKeys.keyId(log.keys.getPublic()) + "` |")
                .contains("## How this was checked");
        assertThat(report.indexOf("| Collected |")).isLessThan(report.indexOf("| Sealed |"));
        assertThat(report.indexOf("| Analysed by the laboratory |")).isLessThan(report.indexOf("| Produced in court |"));
    }

    @Test
    void aTamperedBundleLeadsWithTheProblemsNamingTheEntry() {
        CustodyBundle tampered = BundleVerifierTest.withEntry(bundle, 5, e -> {
            e.put("recordedBy", "someone.else");
            return e;
        });
        String report = CustodyReport.render(tampered, BundleVerifier.verify(tampered, null, null));

        assertThat(report).contains("**Verdict: NOT INTACT.** 1 problem found:\n\n- entry sequence 5 (leaf 7, STORED at ")
                .contains("Please note:\n\n- no trusted key was given");
        assertThat(report.indexOf("NOT INTACT")).isLessThan(report.indexOf("## The item"));
    }

    @Test
    void unknownActionsAndLoggedTextThatWouldBreakTheTableAreShownSafely() {
        assertThat(CustodyReport.action("SENT_FOR_RETESTING")).isEqualTo("Sent for retesting");
        CustodyBundle odd = BundleVerifierTest.withEntry(bundle, 2, e -> {
            e.put("recordedBy", "a|b <script>");
            return e;
        });
        assertThat(CustodyReport.render(odd, BundleVerifier.verify(odd, null, null))).contains("| a\\|b &lt;script> |");
    }
}
