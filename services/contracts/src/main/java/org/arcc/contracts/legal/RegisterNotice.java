package org.arcc.contracts.legal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A conviction under a scheduled offence, for the national sex offenders register: the court's own references
 * only. Never anything about the survivor, not even the case id; its key is the notice id.
 *
 * @param noticeId        the notice
 * @param court           the court that convicted
 * @param courtCaseNumber the court's case number
 * @param sections        the scheduled offences of the conviction (legal section codes)
 * @param convictedOn     the day of the conviction
 */
public record RegisterNotice(UUID noticeId, String court, String courtCaseNumber, List<String> sections,
        LocalDate convictedOn) {

    public static final EventType TYPE = new EventType("arcc.legal.register-notice.v1", Topics.LEGAL, "register-notice");
}
