package org.arcc.cases.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.text.PDFTextStripper;
import org.arcc.cases.domain.medicolegal.AReport;
import org.arcc.cases.domain.medicolegal.MedicoLegalReport;
import org.arcc.cases.domain.medicolegal.ReportCanonicalForm;
import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** The court PDF is the same bytes every time it is rendered, and says what a court needs and nothing more. */
@UnitTest
class MedicoLegalReportPdfTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000000ca");

    private static MedicoLegalReportPdf.Document signed(AReport r) {
        MedicoLegalReport report = MedicoLegalReport.none(CASE);
        report.draft(r.content(), "mo-1", AReport.NOW, r.context());
        MedicoLegalReport.Version v = ((MedicoLegalReport.Signed) report.sign("mo-1", AReport.NOW, r.context())).version();
        return new MedicoLegalReportPdf.Document(CASE, "MUX-2026-00007", "MUX", v, List.of(new MedicoLegalReportPdf.Signature(
                1, "mo-1", "medical-officer", AReport.NOW, null, ReportCanonicalForm.sha256(ReportCanonicalForm.of(CASE, v)))));
    }

    @Test
    void theSameVersionRendersToTheSameBytesWithADocumentIdOfItsOwn() throws Exception {
        MedicoLegalReportPdf.Document document = signed(AReport.journeyTwo());
        byte[] first = new MedicoLegalReportPdf().render(document);
        byte[] second = new MedicoLegalReportPdf().render(document);
        assertThat(second).isEqualTo(first);
        try (var pdf = Loader.loadPDF(first)) {
            COSArray id = pdf.getDocument().getTrailer().getCOSArray(COSName.ID);
            byte[] expected = java.util.Arrays.copyOf(java.security.MessageDigest.getInstance("SHA-256").digest((CASE + "/1/"
                    + ReportCanonicalForm.sha256(ReportCanonicalForm.of(CASE, document.version())))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)), 16);
            assertThat(((COSString) id.get(0)).getBytes()).isEqualTo(expected);
            assertThat(pdf.getDocumentInformation().getCreationDate()).isNull();
        }
    }

    @Test
    void itNamesTheSurvivorByInitialsAndStatesWhatAbsenceOfInjuryMeans() throws Exception {
        String text = text(new MedicoLegalReportPdf().render(signed(AReport.journeyTwo()
                .withHistory("Given by the mother. والدہ نے بتایا"))));
        assertThat(text).contains("Survivor: F.").contains("The absence of injury does not exclude sexual violence.")
                .contains("Reason the examination began after 6 hours").contains("MUX-EV-2026-000007")
                .contains("printed as '?'");
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
