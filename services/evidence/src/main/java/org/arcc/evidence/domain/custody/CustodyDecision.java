package org.arcc.evidence.domain.custody;

import java.util.List;
import java.util.Map;

import org.arcc.vocabulary.ProblemType;
import org.arcc.evidence.domain.CustodyAction;
import org.arcc.evidence.domain.CustodyTransfer;

/** What {@link ItemCustody} decided about a step: an entry to append (with what follows from it), or a refusal. */
public sealed interface CustodyDecision {

    /**
     * The step is taken: the item's state already reflects it.
     *
     * @param action          the action the entry records
     * @param details         the entry's details, exactly as the log stores them (nulls are dropped there)
     * @param handover        a handover to save with the entry's sequence, or null
     * @param anomalies       what the step shows is wrong, one anomaly event each, in this order
     * @param reachedFirstLab the item reached a lab for the first time: its lab deadline is checked now
     */
    record Recorded(CustodyAction action, Map<String, String> details, CustodyTransfer handover,
            List<Anomaly> anomalies, boolean reachedFirstLab) implements CustodyDecision {
    }

    /**
     * The step is refused, nothing changed.
     *
     * @param type   the problem the caller is answered with ({@link ProblemType#FORBIDDEN}: the role may not record custody)
     * @param detail what is wrong, in words for the caller; never a survivor's identity
     */
    record Refused(ProblemType type, String detail) implements CustodyDecision {
    }

    /** What a receipt shows is wrong; the names are the anomaly kinds of the custody-anomaly-raised event. */
    enum Anomaly {
        SEAL_BROKEN, SEAL_MISMATCH
    }
}
