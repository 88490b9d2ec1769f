package org.arcc.contracts;

/** Kafka topic names: one per aggregate type, versioned. Dead letters go to {@code <topic>.dlq}. */
public final class Topics {

    public static final String CASES = "arcc.cases.v1";
    public static final String REFERRALS = "arcc.referrals.v1";
    public static final String EVIDENCE = "arcc.evidence.v1";
    public static final String LEGAL = "arcc.legal.v1";
    public static final String AUDIT = "arcc.audit.v1";
    /** Signed heads of the services' audit chains: few and small, kept by the other services (docs/security.md). */
    public static final String ANCHORS = "arcc.anchors.v1";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
