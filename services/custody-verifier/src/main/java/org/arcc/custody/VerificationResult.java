package org.arcc.custody;

import java.util.List;

/** What {@link BundleVerifier} concluded: intact means no finding is a {@link Severity#PROBLEM}. */
public record VerificationResult(boolean intact, List<Finding> findings, int entriesChecked, Checkpoint checkpoint) {

    public VerificationResult {
        findings = List.copyOf(findings);
    }

    public List<Finding> problems() {
        return findings.stream().filter(f -> f.severity() == Severity.PROBLEM).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }
}
