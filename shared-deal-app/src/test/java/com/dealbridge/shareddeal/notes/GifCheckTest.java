package com.dealbridge.shareddeal.notes;

import static com.dealbridge.shareddeal.notes.RefusedFile.Kind.MALFORMED;
import static com.dealbridge.shareddeal.notes.RefusedFile.Kind.WRONG_TYPE;
import static com.dealbridge.shareddeal.notes.SampleFiles.ascii;
import static com.dealbridge.shareddeal.notes.SampleFiles.assertRefused;
import static com.dealbridge.shareddeal.notes.SampleFiles.bytes;
import static com.dealbridge.shareddeal.notes.SampleFiles.concat;
import static com.dealbridge.shareddeal.notes.SampleFiles.cut;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** A GIF passes from its header through its blocks to the trailer 0x3B, which must be its last byte. */
class GifCheckTest {

    private static final byte[] GIF = SampleFiles.gif(64, 48);
    /** GIF89a 1×1, global colour table of 2, a graphic control extension, one image, the trailer. */
    private static final byte[] HAND_MADE = concat(ascii("GIF89a"), bytes(1, 0, 1, 0, 0x80, 0, 0),
            bytes(0, 0, 0, 0xFF, 0xFF, 0xFF),
            bytes(0x21, 0xF9, 4, 0, 0, 0, 0, 0),
            bytes(0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0), bytes(2, 2, 0x44, 0x01, 0),
            bytes(0x3B));

    @Test
    void aRealGifPasses() {
        assertThatCode(() -> new GifCheck().check(GIF)).doesNotThrowAnyException();
        assertThatCode(() -> new GifCheck().check(HAND_MADE)).doesNotThrowAnyException();
    }

    @Test
    void passesHoweverTheStreamCutsItIntoPieces() {
        assertThatCode(() -> SampleFiles.checkInPieces(new GifCheck(), GIF, 1)).doesNotThrowAnyException();
        assertThatCode(() -> SampleFiles.checkInPieces(new GifCheck(), HAND_MADE, 3)).doesNotThrowAnyException();
    }

    @Test
    void dataAfterTheTrailerIsRefused() {
        assertRefused(new GifCheck(), concat(GIF, SampleFiles.HTML), MALFORMED,
                "data after the trailer (0x3B), at byte " + GIF.length);
    }

    @Test
    void aTruncatedGifIsRefused() {
        assertRefused(new GifCheck(), cut(GIF, GIF.length - 1), MALFORMED, "before the trailer");
        assertRefused(new GifCheck(), cut(GIF, GIF.length / 2), MALFORMED, "truncated");
        assertRefused(new GifCheck(), cut(HAND_MADE, 8), MALFORMED, "truncated");
    }

    @Test
    void aGifHeaderFollowedByRandomBytesIsRefused() {
        byte[] fake = concat(ascii("GIF89a"), bytes(1, 0, 1, 0, 0, 0, 0), SampleFiles.randomBytes(2000, 3));

        assertRefused(new GifCheck(), fake, MALFORMED, "malformed GIF");
    }

    @Test
    void aTrailerBeforeAnyImageIsRefused() {
        assertRefused(new GifCheck(), concat(ascii("GIF89a"), bytes(1, 0, 1, 0, 0, 0, 0, 0x3B)), MALFORMED,
                "before any image");
    }

    @Test
    void anUnknownBlockIsRefused() {
        assertRefused(new GifCheck(), concat(ascii("GIF89a"), bytes(1, 0, 1, 0, 0, 0, 0, 0x42)), MALFORMED,
                "unknown block 0x42 at byte 13");
    }

    @Test
    void anOtherHeaderIsTheWrongType() {
        assertRefused(new GifCheck(), concat(ascii("GIF90a"), new byte[20]), WRONG_TYPE, "not a GIF");
    }
}
