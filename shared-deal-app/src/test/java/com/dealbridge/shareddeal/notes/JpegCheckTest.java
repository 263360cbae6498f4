package com.dealbridge.shareddeal.notes;

import static com.dealbridge.shareddeal.notes.RefusedFile.Kind.MALFORMED;
import static com.dealbridge.shareddeal.notes.RefusedFile.Kind.WRONG_TYPE;
import static com.dealbridge.shareddeal.notes.SampleFiles.assertRefused;
import static com.dealbridge.shareddeal.notes.SampleFiles.bytes;
import static com.dealbridge.shareddeal.notes.SampleFiles.concat;
import static com.dealbridge.shareddeal.notes.SampleFiles.cut;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A JPEG passes from SOI through its segments and scan to EOI, with nothing significant after it. */
class JpegCheckTest {

    private static final byte[] JPEG = SampleFiles.jpeg(64, 48);
    /** SOI, a frame header, a scan header with two bytes of data (one a stuffed 0xFF), RST0, more data, EOI. */
    private static final byte[] HAND_MADE = bytes(0xFF, 0xD8,
            0xFF, 0xC0, 0x00, 0x0B, 8, 0, 1, 0, 1, 1, 1, 0x11, 0,
            0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0,
            0x12, 0xFF, 0x00, 0xFF, 0xD0, 0x34, 0xFF, 0xFF, 0xD9);

    @Test
    void aRealJpegPasses() {
        assertThatCode(() -> new JpegCheck().check(JPEG)).doesNotThrowAnyException();
        assertThatCode(() -> new JpegCheck().check(SampleFiles.jpeg(640, 480))).doesNotThrowAnyException();
    }

    @Test
    void stuffedBytesRestartMarkersAndFillBytesPass() {
        assertThatCode(() -> new JpegCheck().check(HAND_MADE)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "pieces of {0} bytes")
    @ValueSource(ints = {1, 2, 5, 1000})
    void passesHoweverTheStreamCutsItIntoPieces(int piece) {
        assertThatCode(() -> SampleFiles.checkInPieces(new JpegCheck(), JPEG, piece)).doesNotThrowAnyException();
        assertThatCode(() -> SampleFiles.checkInPieces(new JpegCheck(), HAND_MADE, piece))
                .doesNotThrowAnyException();
    }

    @Test
    void paddingAfterTheEndPasses() {
        assertThatCode(() -> new JpegCheck().check(concat(JPEG, new byte[100], bytes(0xFF, 0xFF))))
                .doesNotThrowAnyException();
    }

    @Test
    void aFurtherCompleteImageAfterTheEndPasses() {
        // cameras store preview images this way (CIPA multi-picture format)
        assertThatCode(() -> new JpegCheck().check(concat(JPEG, SampleFiles.jpeg(16, 16))))
                .doesNotThrowAnyException();
    }

    @Test
    void htmlAfterTheEndOfTheImageIsRefused() {
        assertRefused(new JpegCheck(), concat(JPEG, SampleFiles.HTML), MALFORMED,
                "data after the end of the image (EOI), at byte " + JPEG.length);
    }

    @Test
    void anArchiveAfterTheEndOfTheImageIsRefused() {
        assertRefused(new JpegCheck(), concat(JPEG, SampleFiles.docx()), MALFORMED, "after the end of the image");
    }

    @Test
    void aTruncatedJpegIsRefused() {
        assertRefused(new JpegCheck(), cut(JPEG, JPEG.length / 2), MALFORMED, "truncated");
        assertRefused(new JpegCheck(), cut(JPEG, JPEG.length - 2), MALFORMED, "before the end-of-image marker");
        assertRefused(new JpegCheck(), cut(JPEG, 2), MALFORMED, "truncated");
        assertRefused(new JpegCheck(), cut(JPEG, 10), MALFORMED, "truncated");
    }

    @Test
    void aJpegMagicFollowedByRandomBytesIsRefused() {
        byte[] fake = concat(bytes(0xFF, 0xD8, 0xFF, 0xE0), SampleFiles.randomBytes(5000, 2));

        assertRefused(new JpegCheck(), fake, MALFORMED, "malformed JPEG");
    }

    @Test
    void anEndBeforeAnyImageDataIsRefused() {
        assertRefused(new JpegCheck(), bytes(0xFF, 0xD8, 0xFF, 0xD9), MALFORMED, "before any image data");
    }

    @Test
    void aScanBeforeAFrameHeaderIsRefused() {
        byte[] jpeg = bytes(0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0, 0x12, 0xFF, 0xD9);

        assertRefused(new JpegCheck(), jpeg, MALFORMED, "before any frame header");
    }

    @Test
    void aSegmentLengthBelowTwoIsRefused() {
        assertRefused(new JpegCheck(), bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01), MALFORMED,
                "impossible length 1");
    }

    @Test
    void aMissingMarkerBetweenSegmentsIsRefused() {
        byte[] jpeg = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0, 0, 0x41, 0xFF, 0xD9);

        assertRefused(new JpegCheck(), jpeg, MALFORMED, "expected a marker at byte 8");
    }

    @Test
    void somethingWithoutAStartOfImageIsTheWrongType() {
        assertRefused(new JpegCheck(), SampleFiles.png(4, 4), WRONG_TYPE, "not a JPEG");
    }
}
