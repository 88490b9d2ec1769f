package org.arcc.custody;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;

/**
 * The offline verifier a court's expert runs:
 * {@code java -jar custody-verifier.jar verify bundle.json [--trusted-key key.pem] [--known-checkpoint cp.json]
 * [--report report.md]}. Exit code 0: intact; 1: problems found; 2: usage error or a file that cannot be read.
 */
public final class Main {

    static final int INTACT = 0;
    static final int PROBLEMS = 1;
    static final int UNUSABLE = 2;

    private static final String USAGE = """
            usage: java -jar custody-verifier.jar verify <bundle.json> [options]

            Checks an ARCC evidence custody bundle offline: every entry unchanged since it was logged, in the
            signed log, and chained in order without gaps.

            options:
              --trusted-key <file>          the log's published public key (base64 SPKI or PEM); without it the
                                            key inside the bundle is used and a warning says so
              --known-checkpoint <file>     an older checkpoint (JSON) you already trust: checks the log was only
                                            appended to since
              --report <file.md>            also write a Markdown report for the court
              --help                        this text

            exit code: 0 intact, 1 problems found, 2 usage error or unreadable file
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            out.print(USAGE);
            return INTACT;
        }
        if (args.length < 2 || !args[0].equals("verify")) {
            err.print(USAGE);
            return UNUSABLE;
        }
        Path bundleFile = null;
        Path trustedKeyFile = null;
        Path knownCheckpointFile = null;
        Path reportFile = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (option) {
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return INTACT;
                }
                case "--trusted-key", "--known-checkpoint", "--report" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            err.println("error: " + option + " needs a file name");
                            return UNUSABLE;
                        }
                        value = args[++i];
                    }
                    Path path = Path.of(value);
                    switch (option) {
                        case "--trusted-key" -> trustedKeyFile = path;
                        case "--known-checkpoint" -> knownCheckpointFile = path;
                        default -> reportFile = path;
                    }
                }
                default -> {
                    if (arg.startsWith("-")) {
                        err.println("error: unknown option " + arg);
                        err.print(USAGE);
                        return UNUSABLE;
                    }
                    if (bundleFile != null) {
                        err.println("error: one bundle at a time (got " + bundleFile + " and " + arg + ")");
                        return UNUSABLE;
                    }
                    bundleFile = Path.of(arg);
                }
            }
        }
        if (bundleFile == null) {
            err.println("error: no bundle file given");
            err.print(USAGE);
            return UNUSABLE;
        }

        CustodyBundle bundle;
        PublicKey trustedKey = null;
        Checkpoint knownCheckpoint = null;
        try {
            bundle = CustodyBundles.fromJson(read(bundleFile, "bundle"));
            if (trustedKeyFile != null) {
                trustedKey = CheckpointKeys.publicKeyFromSpki(read(trustedKeyFile, "trusted key"));
            }
            if (knownCheckpointFile != null) {
                Object json = CanonicalJson.parse(read(knownCheckpointFile, "known checkpoint"));
                if (!(json instanceof Map)) {
                    throw new IllegalArgumentException(knownCheckpointFile + ": a checkpoint is a JSON object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> checkpointJson = (Map<String, Object>) json;
                knownCheckpoint = Checkpoint.fromJson(checkpointJson);
            }
        } catch (UnreadableFile e) {
            err.println("error: " + e.getMessage());
            return UNUSABLE;
        } catch (IllegalArgumentException e) {
            err.println("error: cannot use the input: " + e.getMessage());
            return UNUSABLE;
        }

        VerificationResult result = BundleVerifier.verify(bundle, trustedKey, knownCheckpoint);
        print(bundle, result, out);
        if (reportFile != null) {
            try {
                Files.writeString(reportFile, CustodyReport.render(bundle, result), StandardCharsets.UTF_8);
                out.println("Report written to " + reportFile);
            } catch (IOException e) {
                err.println("error: cannot write the report to " + reportFile + ": " + e.getMessage());
                return UNUSABLE;
            }
        }
        return result.intact() ? INTACT : PROBLEMS;
    }

    private static void print(CustodyBundle bundle, VerificationResult result, PrintStream out) {
        Object kit = bundle.item().get("kitNumber");
        Object item = bundle.item().get(CustodyEntries.ITEM_ID);
        Checkpoint cp = result.checkpoint();
        if (result.intact()) {
            out.println("INTACT: " + result.entriesChecked() + " custody entries of " + (kit == null ? "" : "kit " + kit + " ")
                    + "(item " + item + ") are unchanged, in the signed log and in unbroken order");
        } else {
            out.println("NOT INTACT: " + result.problems().size() + " problem(s)");
        }
        for (Finding f : result.findings()) {
            out.println("  " + f.severity() + ": " + f.message());
        }
        out.println("Checked " + result.entriesChecked() + " entries against checkpoint: log " + cp.origin() + ", size "
                + cp.treeSize() + ", root " + Hashes.hex(cp.rootHash()) + ", issued " + cp.issuedAt() + ", key id "
                + cp.keyId());
    }

    private static String read(Path file, String what) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw new UnreadableFile("the " + what + " file " + file + " does not exist");
        } catch (IOException e) {
            throw new UnreadableFile("cannot read the " + what + " file " + file + ": " + e);
        }
    }

    private static final class UnreadableFile extends RuntimeException {
        UnreadableFile(String message) {
            super(message);
        }
    }
}
