package org.arcc.cases.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.arcc.cases.domain.medicolegal.MedicoLegalReport;
import org.arcc.cases.domain.medicolegal.ReportCanonicalForm;
import org.arcc.cases.domain.medicolegal.ReportContent;

/**
 * Renders a signed version of a medico-legal report as a court-ready PDF, in English, the survivor named by initials,
 * with the amendment history up to that version. Rendering is deterministic: no current time, a document id derived
 * from the version's canonical form, standard fonts that are not embedded, so the same version always gives the same
 * bytes and the SHA-256 recorded at signing verifies on every download.
 *
 * <p>The standard fonts carry Latin script only: a character they cannot show (e.g. Urdu script in a finding) is
 * printed as "?" and the page says so; the signed canonical form keeps the text exactly.
 */
@ApplicationScoped
public class MedicoLegalReportPdf {

    static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'PKT'", Locale.ENGLISH)
            .withZone(PAKISTAN);
    private static final float MARGIN = 56;
    private static final float SIZE = 10;
    private static final float LEADING = 13.5f;

    /** One signed version in the amendment history. */
    public record Signature(int version, String signedBy, String signedByRole, Instant signedAt, String reason,
            String canonicalSha256) {
    }

    /** What goes on the page: the case's reference, never the survivor's name. */
    public record Document(UUID caseId, String caseReference, String cell, MedicoLegalReport.Version version,
            List<Signature> history) {
    }

    public byte[] render(Document d) {
        try (PDDocument pdf = new PDDocument()) {
            Writer w = new Writer(pdf);
            MedicoLegalReport.Version v = d.version();
            ReportContent r = v.content();
            w.title("MEDICO-LEGAL EXAMINATION REPORT");
            w.line("Case " + d.caseReference() + " (" + d.cell() + ")  |  Version " + v.number() + "  |  Survivor: "
                    + orDash(r.survivorInitials()));
            w.line("Prepared under CrPC s.164-A and the Anti-Rape (Investigation and Trial) Act 2021.");
            ReportContent.Examination e = r.examination();
            w.heading("1. Examination");
            if (e != null) {
                w.field("Started", time(e.startedAt()));
                w.field("Ended", time(e.endedAt()));
                w.field("Place", e.place());
                w.field("Examining officer", e.officerName());
                w.field("Examined by a female officer", yesNo(e.femaleOfficer()));
                w.field("Others present", e.othersPresent().isEmpty() ? "none" : String.join("; ", e.othersPresent()));
                w.field("Consent on record", e.consentId() == null ? "-" : e.consentId().toString());
            }
            if (r.sixHourBreachReason() != null && !r.sixHourBreachReason().isBlank()) {
                w.field("Reason the examination began after 6 hours", r.sixHourBreachReason());
            }
            w.heading("2. History as given");
            w.field("Time since the incident", r.hoursSinceIncident() == null ? "-" : r.hoursSinceIncident() + " hours");
            w.paragraph(r.history());
            w.heading("3. Findings");
            w.field("General", r.generalFindings());
            w.field("Systemic", r.systemicFindings());
            if (r.injuries().isEmpty()) {
                w.line("No injuries were found.");
            }
            for (int i = 0; i < r.injuries().size(); i++) {
                ReportContent.Injury injury = r.injuries().get(i);
                w.line((i + 1) + ". " + words(injury.region().name()) + ": " + words(injury.kind().name())
                        + size(injury) + (injury.colourAndAge() == null ? "" : "; " + injury.colourAndAge())
                        + (injury.photographed() ? "; photographed (evidence item " + injury.photoItemId() + ")"
                                : "; not photographed"));
            }
            if (Boolean.TRUE.equals(r.absenceOfInjuryStatement())) {
                w.line("The absence of injury does not exclude sexual violence.");
            }
            w.heading("4. Samples taken");
            if (r.samples().isEmpty()) {
                w.line("None.");
            }
            for (ReportContent.Sample s : r.samples()) {
                w.line("Kit " + orDash(s.kitNumber()) + " (evidence item " + s.evidenceItemId() + "), sealed "
                        + time(s.sealedAt()));
            }
            w.heading("5. Tests and treatment");
            if (r.treatment() != null) {
                w.field("Pregnancy test", words(name(r.treatment().pregnancyTest())));
                w.field("Emergency contraception", words(name(r.treatment().emergencyContraception())));
                w.field("STI prophylaxis", words(name(r.treatment().stiProphylaxis())));
                w.field("HIV post-exposure prophylaxis", words(name(r.treatment().hivPep())));
            }
            w.heading("6. Opinion");
            w.line(opinion(r));
            if (!r.awaited().isEmpty()) {
                w.field("Awaited", String.join(", ", r.awaited().stream().map(a -> words(a.name())).toList()));
            }
            if (!v.overrides().isEmpty()) {
                w.heading("7. Checks overridden by the cell supervisor");
                for (MedicoLegalReport.CheckOverride o : v.overrides()) {
                    w.field(o.check().name(), o.reason() + " (" + o.by() + ", " + time(o.at()) + ")");
                }
            }
            w.heading("Signatures and amendment history");
            for (Signature s : d.history()) {
                w.line("Version " + s.version() + ": signed by " + s.signedBy() + " (" + s.signedByRole() + ") on "
                        + time(s.signedAt()) + (s.reason() == null ? "" : ". Amendment reason: " + s.reason()));
                w.line("    SHA-256 of its canonical form: " + s.canonicalSha256());
            }
            w.line("");
            w.paragraph("A court verifies this file with GET /api/v1/cases/" + d.caseId()
                    + "/medico-legal-report/verification?sha256=<SHA-256 of this file>; the canonical form's SHA-256 above "
                    + "is recorded in the cases service's audit trail, whose signed heads are anchored with another service.");
            if (w.replaced) {
                w.line("Characters the PDF font cannot show are printed as '?'; the signed record keeps them exactly.");
            }
            w.close();

            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Medico-legal examination report " + d.caseReference() + " v" + v.number());
            info.setCreator("ARCC Platform");
            pdf.setDocumentInformation(info);
            byte[] id = Arrays.copyOf(java.security.MessageDigest.getInstance("SHA-256").digest(
                    (d.caseId() + "/" + v.number() + "/" + ReportCanonicalForm.sha256(ReportCanonicalForm.of(d.caseId(), v)))
                            .getBytes(StandardCharsets.UTF_8)), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The medico-legal report PDF cannot be rendered", e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String opinion(ReportContent r) {
        if (r.opinion() == null) {
            return "-";
        }
        return switch (r.opinion()) {
            case FINDINGS_CONSISTENT_WITH_HISTORY -> "The findings are consistent with the history given.";
            case FINDINGS_NOT_INCONSISTENT_WITH_HISTORY -> "The findings are not inconsistent with the history given.";
            case NO_OPINION_PENDING_RESULTS -> "No opinion is possible until the results awaited are available.";
        };
    }

    private static String size(ReportContent.Injury injury) {
        if (injury.lengthCm() == null) {
            return "";
        }
        return ", " + injury.lengthCm() + (injury.widthCm() == null ? "" : " x " + injury.widthCm()) + " cm";
    }

    private static String name(Enum<?> value) {
        return value == null ? "-" : value.name();
    }

    private static String words(String code) {
        String text = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String yesNo(Boolean value) {
        return value == null ? "-" : value ? "yes" : "no";
    }

    private static String time(Instant time) {
        return time == null ? "-" : TIME.format(time);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }

    /** Lays text out top to bottom, wrapping lines and adding pages. */
    private static final class Writer {
        private final PDDocument pdf;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDPageContentStream page;
        private float y;
        private int pages;
        boolean replaced;

        Writer(PDDocument pdf) throws IOException {
            this.pdf = pdf;
            newPage();
        }

        void title(String text) throws IOException {
            write(bold, 14, text);
            y -= 4;
        }

        void heading(String text) throws IOException {
            y -= 6;
            write(bold, 11, text);
        }

        void field(String label, String value) throws IOException {
            line(label + ": " + orDash(value));
        }

        void paragraph(String text) throws IOException {
            for (String part : orDash(text).split("\\R")) {
                line(part);
            }
        }

        void line(String text) throws IOException {
            write(regular, SIZE, text);
        }

        private void write(PDType1Font font, float size, String text) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            for (String line : wrap(font, size, printable(font, text), width)) {
                if (y < MARGIN + LEADING) {
                    newPage();
                }
                page.beginText();
                page.setFont(font, size);
                page.newLineAtOffset(MARGIN, y);
                page.showText(line);
                page.endText();
                y -= LEADING;
            }
        }

        private String printable(PDType1Font font, String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                if (cp == '\t') {
                    out.append("    ");
                    return;
                }
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                    replaced = true;
                }
            });
            return out.toString();
        }

        private static List<String> wrap(PDType1Font font, float size, String text, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ", -1)) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= width || current.isEmpty()) {
                    current.setLength(0);
                    current.append(candidate);
                } else {
                    lines.add(current.toString());
                    current.setLength(0);
                    current.append(word);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        private void newPage() throws IOException {
            if (page != null) {
                footer();
                page.close();
            }
            PDPage p = new PDPage(PDRectangle.A4);
            pdf.addPage(p);
            page = new PDPageContentStream(pdf, p);
            pages++;
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void footer() throws IOException {
            page.beginText();
            page.setFont(regular, 8);
            page.newLineAtOffset(MARGIN, MARGIN / 2);
            page.showText("ARCC medico-legal report - page " + pages + " - confidential: in-camera proceedings only");
            page.endText();
        }

        void close() throws IOException {
            footer();
            page.close();
        }
    }
}
