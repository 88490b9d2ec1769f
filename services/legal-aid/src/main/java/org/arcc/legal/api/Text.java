package org.arcc.legal.api;

/**
 * What free text the API takes, as patterns: the names of officials, courts and lawyers, numbers the police and
 * courts issue. Nothing about the survivor is typed here except her initials, which are encrypted.
 */
final class Text {

    /** A person's or office's name as written on a filing: letters, digits, spaces and . , ' ( ) / & : - */
    static final String NAME = "^[\\p{L}\\p{N} .,'()/&:-]{2,120}$";
    static final String NAME_MESSAGE = "must be 2-120 letters, digits, spaces or . , ' ( ) / & : -";
    /** A court's name. */
    static final String COURT = "^[\\p{L}\\p{N} .,'()/&:-]{2,200}$";
    static final String COURT_MESSAGE = "must be 2-200 letters, digits, spaces or . , ' ( ) / & : -";
    /** An FIR or court case number. */
    static final String NUMBER = "^[A-Za-z0-9][A-Za-z0-9/ .-]{0,39}$";
    static final String NUMBER_MESSAGE = "must be 1-40 letters, digits, spaces or / . -";
    /** A bar enrolment number. */
    static final String ENROLMENT = "^[A-Za-z0-9][A-Za-z0-9/-]{2,39}$";
    static final String ENROLMENT_MESSAGE = "must be 3-40 letters, digits, / or -";
    /** A reference data id, e.g. ps-khi-women-saddar. */
    static final String ID = "^[a-z0-9-]{2,40}$";
    static final String ID_MESSAGE = "must be a reference id (lowercase letters, digits, -)";
    /** A legal section code of the catalogue, e.g. PPC_376. */
    static final String SECTION = "^[A-Z]{3,4}_[0-9A-Z_]{1,10}$";
    static final String SECTION_MESSAGE = "must be a legal section code such as PPC_376";
    /** A sentence as the judgment words it. */
    static final String SENTENCE = "^[\\p{L}\\p{N} .,'()/&:;-]{2,200}$";
    static final String SENTENCE_MESSAGE = "must be 2-200 letters, digits, spaces or . , ' ( ) / & : ; -";
    /** Initials as court filings use them: one to four capitals, optionally with dots and spaces (A.B.). */
    static final String INITIALS = "^[A-Z]\\.?( ?[A-Z]\\.?){0,3}$";
    static final String INITIALS_MESSAGE = "must be one to four capital initials, e.g. A.B.";

    private Text() {
    }
}
