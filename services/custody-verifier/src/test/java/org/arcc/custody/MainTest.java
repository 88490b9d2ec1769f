package org.arcc.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class MainTest {

    @TempDir
    Path dir;

    private final TestLog log = TestLog.sampleCase();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path bundleFile;
    private Path keyFile;

    @BeforeEach
    void writeFiles() throws Exception {
        bundleFile = dir.resolve("bundle.json");
        Files.writeString(bundleFile, CustodyBundles.toJson(log.bundle(TestLog.KIT_A)));
        keyFile = dir.resolve("arcc-custody-key.pem");
        Files.writeString(keyFile, "-----BEGIN PUBLIC KEY-----\n" + log.publicKeySpki() + "\n-----END PUBLIC KEY-----\n");
    }

    @Test
    void anIntactBundleExitsZeroAndWritesTheReport() throws Exception {
        Path report = dir.resolve("report.md");
        int code = run("verify", bundleFile.toString(), "--trusted-key", keyFile.toString(), "--report", report.toString());

        assertThat(code).isZero();
        assertThat(stdout()).startsWith("INTACT: 9 custody entries of kit KHI-SAK-2026-0141 (item item-khi-0001)")
                .contains("Checked 9 entries against checkpoint: log arcc.org.pk/custody/test, size 14")
                .contains("Report written to " + report).doesNotContain("WARNING");
        assertThat(Files.readString(report)).startsWith("# Chain of custody: kit KHI-SAK-2026-0141").contains("**Verdict: INTACT.**");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void withoutATrustedKeyTheKeyWarningIsPrinted() {
        assertThat(run("verify", bundleFile.toString())).isZero();
        assertThat(stdout()).contains("WARNING: no trusted key was given");
    }

    @Test
    void aTamperedBundleExitsOneAndNamesTheEntry() throws Exception {
        String json = Files.readString(bundleFile);
        Files.writeString(bundleFile, json.replace("\"courier\": \"hc.imran.ali\"", "\"courier\": \"hc.imran.alt\""));
        Path report = dir.resolve("report.md");

        int code = run("verify", bundleFile.toString(), "--trusted-key=" + keyFile, "--report", report.toString());

        assertThat(code).isEqualTo(1);
        assertThat(stdout()).startsWith("NOT INTACT: 1 problem(s)")
                .contains("PROBLEM: entry sequence 3 (leaf 4, TRANSFERRED at 2026-03-02T12:25:00Z): content does not match its "
                        + "recorded hash — altered after it was logged");
        assertThat(Files.readString(report)).contains("**Verdict: NOT INTACT.**");
    }

    @Test
    void aKnownCheckpointFileIsChecked() throws Exception {
        Checkpoint known = log.signer.sign(8, MerkleTree.rootHash(8, log.store), Instant.parse("2026-03-02T15:00:00Z"));
        Files.writeString(bundleFile, CustodyBundles.toJson(log.bundle(TestLog.KIT_A, log.checkpoint(), known)));
        Path checkpointFile = dir.resolve("checkpoint-8.json");
        Files.writeString(checkpointFile, CanonicalJson.encode(known.toJson()));

        assertThat(run("verify", bundleFile.toString(), "--trusted-key", keyFile.toString(), "--known-checkpoint",
                checkpointFile.toString())).isZero();

        Files.writeString(checkpointFile, CanonicalJson.encode(log.signer.sign(8, Hashes.leafHash(new byte[0]), known.issuedAt()).toJson()));
        assertThat(run("verify", bundleFile.toString(), "--trusted-key", keyFile.toString(), "--known-checkpoint",
                checkpointFile.toString())).isEqualTo(1);
        assertThat(stdout()).contains("PROBLEM: the log was rewritten since the checkpoint of 2026-03-02T15:00:00Z (size 8)");
    }

    @Test
    void unreadableInputExitsTwo() throws Exception {
        assertThat(run("verify", dir.resolve("nope.json").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope.json does not exist");

        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "{\"format\": \"arcc-custody-bundle/1\", ");
        assertThat(run("verify", garbage.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("invalid JSON at position");

        Path notAKey = dir.resolve("key.pem");
        Files.writeString(notAKey, "hello");
        assertThat(run("verify", bundleFile.toString(), "--trusted-key", notAKey.toString())).isEqualTo(2);
    }

    @Test
    void usageErrorsExitTwoAndHelpExitsZero() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("check", bundleFile.toString())).isEqualTo(2);
        assertThat(run("verify", bundleFile.toString(), "--frobnicate")).isEqualTo(2);
        assertThat(run("verify", bundleFile.toString(), "--report")).isEqualTo(2);
        assertThat(run("verify", bundleFile.toString(), bundleFile.toString())).isEqualTo(2);
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("usage: java -jar custody-verifier.jar verify <bundle.json>");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
