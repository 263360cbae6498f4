package com.dealbridge.shareddeal.notes;

import static com.dealbridge.shareddeal.notes.RefusedFile.Kind.MALFORMED;
import static com.dealbridge.shareddeal.notes.RefusedFile.Kind.WRONG_TYPE;
import static com.dealbridge.shareddeal.notes.SampleFiles.ascii;
import static com.dealbridge.shareddeal.notes.SampleFiles.assertRefused;
import static com.dealbridge.shareddeal.notes.SampleFiles.concat;
import static com.dealbridge.shareddeal.notes.SampleFiles.cut;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A PDF passes with its %PDF-x.y header and an %%EOF marker at its end (white space after it allowed). */
class PdfCheckTest {

    private static final byte[] PDF = SampleFiles.pdf();

    @Test
    void aMinimalPdfPasses() {
        assertThatCode(() -> new PdfCheck().check(PDF)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "pieces of {0} bytes")
    @ValueSource(ints = {1, 3, 100, 1023, 1024, 1025})
    void passesHoweverTheStreamCutsItIntoPieces(int piece) {
        byte[] large = concat(ascii("%PDF-1.4\n"), new byte[5000], ascii("\nstartxref\n9\n%%EOF"));

        assertThatCode(() -> SampleFiles.checkInPieces(new PdfCheck(), PDF, piece)).doesNotThrowAnyException();
        assertThatCode(() -> SampleFiles.checkInPieces(new PdfCheck(), large, piece)).doesNotThrowAnyException();
    }

    @Test
    void whiteSpaceAfterTheEndMarkerPasses() {
        assertThatCode(() -> new PdfCheck().check(concat(PDF, ascii("\r\n  \n\0\0")))).doesNotThrowAnyException();
    }

    @Test
    void anIncrementallyUpdatedPdfWithSeveralEndMarkersPasses() {
        byte[] updated = concat(PDF, ascii("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nxref\n0 1\n"
                + "trailer\n<< /Size 5 /Root 1 0 R /Prev 9 >>\nstartxref\n700\n%%EOF\n"));

        assertThatCode(() -> new PdfCheck().check(updated)).doesNotThrowAnyException();
    }

    @Test
    void aTruncatedPdfIsRefused() {
        assertRefused(new PdfCheck(), cut(PDF, PDF.length - 7), MALFORMED, "no end-of-file marker (%%EOF)");
        assertRefused(new PdfCheck(), cut(PDF, PDF.length / 2), MALFORMED, "truncated");
        assertRefused(new PdfCheck(), cut(PDF, 6), MALFORMED, "truncated");
    }

    @Test
    void aPdfHeaderFollowedByAnythingElseIsRefused() {
        byte[] fake = concat(ascii("%PDF-1.7\n"), ascii("contract terms ".repeat(40_000)));

        assertRefused(new PdfCheck(), fake, MALFORMED, "no end-of-file marker");
    }

    @Test
    void somethingAppendedAfterTheEndMarkerIsRefused() {
        assertRefused(new PdfCheck(), concat(PDF, SampleFiles.HTML), MALFORMED,
                "data after the end-of-file marker (%%EOF), at byte " + (PDF.length - 1));
    }

    @Test
    void aHeaderWithoutAVersionIsRefused() {
        assertRefused(new PdfCheck(), concat(ascii("%PDF-x\n"), cut(PDF, 0), ascii("%%EOF")), MALFORMED,
                "no version");
    }

    @Test
    void somethingWithoutThePdfHeaderIsTheWrongType() {
        assertRefused(new PdfCheck(), ascii("%!PS-Adobe-3.0\n%%EOF\n"), WRONG_TYPE, "not a PDF");
    }
}
