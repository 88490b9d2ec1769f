package org.arcc.reporting.domain;

import java.time.Instant;

/**
 * A referral from a partner NGO, counted in the receiving cell and the month it was received.
 *
 * @param outcome PENDING, ACCEPTED or DECLINED
 */
public record ReferralRecord(String cell, Instant receivedAt, String outcome) {

    public String month() {
        return Periods.monthOf(receivedAt);
    }
}
