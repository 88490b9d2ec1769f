package org.arcc.cases.domain.medicolegal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A screen over the free text of a report for what the law keeps out of it: a forbidden test (virginity,
 * two-finger, hymen) and the survivor's past sexual conduct or character. It matches phrases (English, common
 * Roman-Urdu spellings and Urdu script) after folding case, width and punctuation, so "Two-Finger", "two finger"
 * and "2-finger" are one phrase.
 *
 * <p>It is a screen that flags for a human, not a classifier: it cannot tell "the hymen was examined" from "no
 * hymen examination was done", and flags both, because neither belongs in the report (the form has no such
 * test, so the report never needs to say one was not done). It can miss paraphrases; the officer and supervisor
 * remain responsible for the text.
 */
public final class ProhibitedTextScreen {

    /** A phrase the screen found, and in which field. */
    public record Mention(String field, String phrase) {
    }

    static final List<String> FORBIDDEN_TEST = List.of(
            "virgin", "virginity", "virginal", "non virgin", "two finger", "2 finger", "two fingers", "2 fingers",
            "finger test", "per vaginal finger", "admits one finger", "admits two fingers", "admitting two fingers",
            "hymen", "hymenal", "hymeneal", "carunculae myrtiformes", "introitus admits",
            // Roman Urdu and Urdu: kunwari / kanwari (virgin), kanwarpan (virginity), pardah-e-bakarat (hymen)
            "kunwari", "kanwari", "kunwara pan", "kanwarpan", "kunwarpan", "pardah e bakarat", "parda e bakarat",
            "bakarat", "کنواری", "کنوارپن", "کنوارہ پن", "بکارت", "ٹو فنگر", "دو انگلی");

    static final List<String> SEXUAL_HISTORY = List.of(
            "habituated", "habitual to sex", "habitual to intercourse", "habituated to intercourse",
            "used to sexual intercourse", "accustomed to sexual intercourse", "accustomed to intercourse",
            "past sexual", "previous sexual", "prior sexual", "sexual history", "sexually active", "sexual experience",
            "loose character", "bad character", "of easy virtue", "immoral character", "characterless", "promiscuous",
            "prostitute", "sex worker",
            // Roman Urdu and Urdu: bad-chalan (of bad character), awara, fahisha, badkirdar
            "bad chalan", "badchalan", "awara", "aawara", "fahisha", "fahasha", "badkirdar", "bad kirdar",
            "بدچلن", "بد چلن", "آوارہ", "فاحشہ", "بدکردار", "بد کردار");

    private ProhibitedTextScreen() {
    }

    /** The first forbidden-test phrase in a text, if any. */
    public static Optional<String> forbiddenTest(String text) {
        return firstOf(FORBIDDEN_TEST, text);
    }

    /** The first past-sexual-conduct or character phrase in a text, if any. */
    public static Optional<String> sexualHistory(String text) {
        return firstOf(SEXUAL_HISTORY, text);
    }

    private static Optional<String> firstOf(List<String> phrases, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String folded = " " + fold(text) + " ";
        return phrases.stream().filter(p -> folded.contains(" " + fold(p) + " ")).findFirst();
    }

    /**
     * Lower case, compatibility forms folded (full-width letters, Arabic presentation forms), zero-width characters
     * dropped, and every run of anything that is not a letter or digit turned into one space.
     */
    static String fold(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\u200B-\\u200F\\u061C\\u064B-\\u065F\\u0670]", "");
        return normal.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
