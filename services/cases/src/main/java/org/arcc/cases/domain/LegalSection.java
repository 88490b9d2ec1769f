package org.arcc.cases.domain;

/**
 * The catalogue of legal sections a case may be classified under: sexual and gender-based offences of the
 * Pakistan Penal Code (PPC, as amended up to the Criminal Laws (Amendment) Act 2021) and the online offences of
 * the Prevention of Electronic Crimes Act 2016 (PECA). The code is the wire value (API, database, events) and
 * never changes; a section missing here is added as a new constant, never by renaming one.
 */
public enum LegalSection {
    // 292-A to 292-C: inserted by the Criminal Law (Amendment) Act 2016 (Act X of 2016); scheduled offences of the
    // sex offenders register (Anti-Rape (Investigation and Trial) Act 2021).
    PPC_292_A(Act.PPC, "292-A", "Exposure to seduction (of a child)"),
    PPC_292_B(Act.PPC, "292-B", "Child pornography"),
    PPC_292_C(Act.PPC, "292-C", "Punishment for child pornography"),
    PPC_354(Act.PPC, "354", "Assault or criminal force to woman with intent to outrage her modesty"),
    PPC_354_A(Act.PPC, "354-A", "Assault or use of criminal force to woman and stripping her of her clothes"),
    PPC_365_B(Act.PPC, "365-B", "Kidnapping, abducting or inducing woman to compel for marriage etc."),
    // 371-A and 371-B: inserted by the Protection of Women (Criminal Laws Amendment) Act 2006; scheduled offences.
    PPC_371_A(Act.PPC, "371-A", "Selling person for purposes of prostitution, etc."),
    PPC_371_B(Act.PPC, "371-B", "Buying person for purposes of prostitution, etc."),
    PPC_375(Act.PPC, "375", "Rape"),
    // 375-A: inserted by the Criminal Law (Amendment) Ordinance 2020, enacted as the Criminal Laws (Amendment) Act
    // 2021; a scheduled offence.
    PPC_375_A(Act.PPC, "375-A", "Punishment for gang rape"),
    PPC_376(Act.PPC, "376", "Punishment for rape"),
    PPC_376_2(Act.PPC, "376(2)", "Rape committed by two or more persons (gang rape)"),
    PPC_376_3(Act.PPC, "376(3)", "Rape of a minor or of a person with a mental or physical disability"),
    PPC_377(Act.PPC, "377", "Unnatural offences"),
    PPC_377_A(Act.PPC, "377-A", "Sexual abuse"),
    PPC_377_B(Act.PPC, "377-B", "Punishment for sexual abuse"),
    PPC_498_A(Act.PPC, "498-A", "Depriving a woman of her inheritance"),
    PPC_498_B(Act.PPC, "498-B", "Forced marriage"),
    PPC_509(Act.PPC, "509", "Insulting modesty or causing sexual harassment"),
    PECA_20(Act.PECA_2016, "20", "Offences against dignity of a natural person"),
    PECA_21(Act.PECA_2016, "21", "Offences against modesty of a natural person and minor"),
    PECA_22(Act.PECA_2016, "22", "Child pornography"),
    PECA_24(Act.PECA_2016, "24", "Cyber stalking");

    /** The statute a section belongs to. */
    public enum Act {
        PPC, PECA_2016
    }

    private final Act act;
    private final String section;
    private final String title;

    LegalSection(Act act, String section, String title) {
        this.act = act;
        this.section = section;
        this.title = title;
    }

    public Act act() {
        return act;
    }

    /** The section as the statute numbers it, e.g. {@code 376(3)}. */
    public String section() {
        return section;
    }

    public String title() {
        return title;
    }
}
