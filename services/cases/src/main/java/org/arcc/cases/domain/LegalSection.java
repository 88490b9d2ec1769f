package org.arcc.cases.domain;

/**
 * The catalogue of legal sections a case may be classified under: sexual and gender-based offences of the
 * Pakistan Penal Code (PPC, as amended up to the Criminal Laws (Amendment) Act 2021) and the online offences of
 * the Prevention of Electronic Crimes Act 2016 (PECA). The code is the wire value (API, database, events) and
 * never changes; a section missing here is added as a new constant, never by renaming one.
 */
public enum LegalSection {
    PPC_354(Act.PPC, "354", "Assault or criminal force to woman with intent to outrage her modesty"),
    PPC_354_A(Act.PPC, "354-A", "Assault or use of criminal force to woman and stripping her of her clothes"),
    PPC_365_B(Act.PPC, "365-B", "Kidnapping, abducting or inducing woman to compel for marriage etc."),
    PPC_375(Act.PPC, "375", "Rape"),
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
