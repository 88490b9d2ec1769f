package org.arcc.cases.domain.medicolegal;

/**
 * The checks a medico-legal report passes before its officer may sign it, each with the reason a prosecutor would
 * give and where the rule comes from. The codes are part of the API and of the signed/amended events: never rename
 * one. Every check blocks signing until fixed or, where {@link #overridable()}, overridden by the cell supervisor
 * with a recorded reason.
 */
public enum ReportCheck {
    REQUIRED_FIELDS("A report without the examination's times, place, officer, consent, history, findings and opinion "
            + "cannot be relied on in court: the defence asks what is missing and why.",
            "CrPC s.164-A(2)-(3) (contents of the report); WHO, Guidelines for medico-legal care for victims of "
                    + "sexual violence (2003), ch. 8 and annex 1", true),
    CONSENT_ON_RECORD("An examination must rest on the survivor's (or guardian's) consent to examination or to "
            + "evidence collection; without it the report can be excluded.",
            "CrPC s.164-A(1) (examination with the consent of the woman or of a person competent to give it); "
                    + "WHO guidelines ch. 4 (consent)", true),
    TIMES_CONSISTENT("Times that contradict each other (an examination before arrival, a seal before the examination, "
            + "a time in the future) let the defence attack the whole record.",
            "CrPC s.164-A(3) (exact time of commencement and completion of the examination); chain-of-custody practice", true),
    SAMPLES_REGISTERED("Every sample the report lists must be an evidence item registered for this case, with its kit "
            + "number: a sample the custody log does not know cannot be proved to be the one tested.",
            "Chain-of-custody practice (docs/custody.md); WHO guidelines ch. 7 (forensic specimens)", true),
    COLLECTED_ITEMS_REPORTED("Every item collected for this case at the examination must appear in the report: an exhibit "
            + "the report does not mention invites the question where it came from.",
            "WHO guidelines ch. 7 (documenting every specimen collected)", true),
    SIX_HOUR_LIMIT("The medico-legal examination must begin within 6 hours of the survivor reaching the cell; a later "
            + "examination needs its reason on the record, or the delay is used against the survivor.",
            "Anti-Rape (Investigation and Trial) Act 2021 and the Anti-Rape Crisis Cell and Medico-Legal "
                    + "Examination Rules 2022 (examination within six hours)", true),
    FORBIDDEN_TEST_MENTIONED("A virginity, two-finger or hymen test is unlawful and its mention taints the report; the "
            + "form has no place for one and its text may not describe one (not even that it was not done).",
            "Sadaf Aziz v. Federation of Pakistan, 2021 PCrLJ 205 (Lahore High Court); Anti-Rape (Investigation "
                    + "and Trial) Ordinance 2020 and Act 2021", false),
    SEXUAL_HISTORY_MENTIONED("The survivor's past sexual conduct or character is not evidence and may not be put to her: "
            + "words such as \"habituated to intercourse\" have sunk prosecutions.",
            "Qanun-e-Shahadat Order 1984 art. 151(4), omitted by the Criminal Law (Amendment) (Offences relating "
                    + "to Rape) Act 2016; Atif Zareef v. The State, PLD 2021 SC 550", true),
    ABSENCE_OF_INJURY_STATED("A report without injuries must state that the absence of injury does not exclude sexual "
            + "violence; otherwise \"no injuries\" is read as \"no assault\".",
            "WHO guidelines ch. 8 (interpretation of findings)", true),
    OPINION_WITHIN_FINDINGS("The opinion may not go beyond the findings: \"consistent with\" needs findings to rest on, "
            + "and an opinion pending results must say which results.",
            "WHO guidelines ch. 8; Qanun-e-Shahadat Order 1984 art. 59 (expert opinion)", true);

    private final String reason;
    private final String source;
    private final boolean overridable;

    ReportCheck(String reason, String source, boolean overridable) {
        this.reason = reason;
        this.source = source;
        this.overridable = overridable;
    }

    /** Why the rule exists, in a prosecutor's words. */
    public String reason() {
        return reason;
    }

    /** Where the rule comes from. */
    public String source() {
        return source;
    }

    /**
     * Whether the cell supervisor may let the report be signed despite this finding. A mention of a forbidden test is
     * never overridden: the officer rewords the text, which is always possible.
     */
    public boolean overridable() {
        return overridable;
    }
}
