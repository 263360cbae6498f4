package com.dealbridge.shareddeal.notes;

import static com.dealbridge.shareddeal.notes.RefusedFile.Kind.MALFORMED;
import static com.dealbridge.shareddeal.notes.RefusedFile.Kind.WRONG_TYPE;
import static com.dealbridge.shareddeal.notes.SampleFiles.ascii;
import static com.dealbridge.shareddeal.notes.SampleFiles.assertRefused;
import static com.dealbridge.shareddeal.notes.SampleFiles.concat;
import static com.dealbridge.shareddeal.notes.SampleFiles.cut;
import static com.dealbridge.shareddeal.notes.SampleFiles.le32;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** A WebP passes when its RIFF size is exactly the file and its chunks fill the container exactly. */
class WebpCheckTest {

    private static final byte[] WEBP = SampleFiles.webp(1001);

    @Test
    void aWellFramedWebpPasses() {
        assertThatCode(() -> new WebpCheck().check(WEBP)).doesNotThrowAnyException();
        assertThatCode(() -> new WebpCheck().check(SampleFiles.webp(2))).doesNotThrowAnyException();
    }

    @Test
    void passesHoweverTheStreamCutsItIntoPieces() {
        assertThatCode(() -> SampleFiles.checkInPieces(new WebpCheck(), WEBP, 1)).doesNotThrowAnyException();
        assertThatCode(() -> SampleFiles.checkInPieces(new WebpCheck(), WEBP, 100)).doesNotThrowAnyException();
    }

    @Test
    void severalChunksPass() {
        byte[] vp8x = concat(ascii("VP8X"), le32(10), new byte[10]);
        byte[] image = cut(SampleFiles.webp(50), SampleFiles.webp(50).length).clone();
        byte[] vp8l = java.util.Arrays.copyOfRange(image, 12, image.length);
        byte[] exif = concat(ascii("EXIF"), le32(3), new byte[4]);
        byte[] body = concat(ascii("WEBP"), vp8x, vp8l, exif);

        assertThatCode(() -> new WebpCheck().check(concat(ascii("RIFF"), le32(body.length), body)))
                .doesNotThrowAnyException();
    }

    @Test
    void dataAfterTheRiffContainerIsRefused() {
        assertRefused(new WebpCheck(), concat(WEBP, SampleFiles.HTML), MALFORMED,
                "data after the RIFF container (which ends at byte " + WEBP.length + ")");
    }

    @Test
    void aTruncatedWebpIsRefused() {
        assertRefused(new WebpCheck(), cut(WEBP, WEBP.length - 1), MALFORMED,
                "the RIFF size says " + WEBP.length + " bytes but the file has " + (WEBP.length - 1));
        assertRefused(new WebpCheck(), cut(WEBP, 10), MALFORMED, "truncated");
    }

    @Test
    void aRiffSizeThatDoesNotMatchTheChunksIsRefused() {
        byte[] tooSmall = WEBP.clone();
        System.arraycopy(le32(WEBP.length - 8 - 100), 0, tooSmall, 4, 4);

        assertRefused(new WebpCheck(), tooSmall, MALFORMED, "runs past the RIFF size");
    }

    @Test
    void aFirstChunkThatIsNoImageIsRefused() {
        byte[] body = concat(ascii("WEBP"), ascii("ICCP"), le32(4), new byte[4]);

        assertRefused(new WebpCheck(), concat(ascii("RIFF"), le32(body.length), body), MALFORMED,
                "the first chunk is 'ICCP'");
    }

    @Test
    void aRiffFileThatIsNoWebpIsTheWrongType() {
        byte[] wave = concat(ascii("RIFF"), le32(20), ascii("WAVEfmt "), le32(4), new byte[8]);

        assertRefused(new WebpCheck(), wave, WRONG_TYPE, "not a WebP");
    }
}
