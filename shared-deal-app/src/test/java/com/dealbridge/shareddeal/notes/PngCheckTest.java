package com.dealbridge.shareddeal.notes;

import static com.dealbridge.shareddeal.notes.RefusedFile.Kind.MALFORMED;
import static com.dealbridge.shareddeal.notes.RefusedFile.Kind.WRONG_TYPE;
import static com.dealbridge.shareddeal.notes.SampleFiles.assertRefused;
import static com.dealbridge.shareddeal.notes.SampleFiles.chunk;
import static com.dealbridge.shareddeal.notes.SampleFiles.concat;
import static com.dealbridge.shareddeal.notes.SampleFiles.cut;
import static com.dealbridge.shareddeal.notes.SampleFiles.ihdr;
import static com.dealbridge.shareddeal.notes.SampleFiles.pngOf;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A PNG passes only as a whole: signature, chunks with right CRCs from IHDR to IEND, and nothing after. */
class PngCheckTest {

    private static final byte[] PNG = SampleFiles.png(64, 48);
    private static final byte[] IEND = chunk("IEND", new byte[0]);

    @Test
    void aRealPngPasses() {
        assertThatCode(() -> new PngCheck().check(PNG)).doesNotThrowAnyException();
        assertThatCode(() -> new PngCheck().check(SampleFiles.png(600, 400))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "pieces of {0} bytes")
    @ValueSource(ints = {1, 3, 7, 13, 4096})
    void passesHoweverTheStreamCutsItIntoPieces(int piece) {
        assertThatCode(() -> SampleFiles.checkInPieces(new PngCheck(), PNG, piece)).doesNotThrowAnyException();
    }

    @Test
    void ancillaryChunksAndSeveralIdatChunksPass() {
        byte[] png = pngOf(ihdr(), chunk("tEXt", SampleFiles.ascii("Comment\0made by hand")),
                chunk("IDAT", SampleFiles.bytes(0x78, 0x9C)), chunk("IDAT", SampleFiles.bytes(0x62, 0, 0, 0, 2, 0, 1)),
                IEND);

        assertThatCode(() -> new PngCheck().check(png)).doesNotThrowAnyException();
    }

    @Test
    void htmlAppendedAfterIendIsRefused() {
        byte[] polyglot = concat(PNG, SampleFiles.HTML);

        assertRefused(new PngCheck(), polyglot, MALFORMED, "data after the IEND chunk, at byte " + PNG.length);
    }

    @Test
    void evenOneByteAfterIendIsRefused() {
        assertRefused(new PngCheck(), concat(PNG, new byte[1]), MALFORMED, "after the IEND chunk");
    }

    @Test
    void aTruncatedPngIsRefused() {
        assertRefused(new PngCheck(), cut(PNG, PNG.length / 2), MALFORMED, "truncated");
        assertRefused(new PngCheck(), cut(PNG, PNG.length - IEND.length), MALFORMED, "before the IEND chunk");
        assertRefused(new PngCheck(), cut(PNG, PNG.length - 1), MALFORMED, "truncated");
        assertRefused(new PngCheck(), cut(PNG, 8), MALFORMED, "truncated");
    }

    @Test
    void aChangedByteInsideAChunkBreaksItsCrc() {
        byte[] damaged = PNG.clone();
        damaged[PNG.length / 2] ^= 0x01;

        assertRefused(new PngCheck(), damaged, MALFORMED, "has a wrong CRC");
    }

    @Test
    void aPngSignatureFollowedByRandomBytesIsRefused() {
        byte[] fake = concat(pngOf(), SampleFiles.randomBytes(10_000, 1));

        assertRefused(new PngCheck(), fake, MALFORMED, "malformed PNG");
    }

    @Test
    void theFirstChunkMustBeIhdr() {
        byte[] png = pngOf(chunk("IDAT", SampleFiles.bytes(1, 2, 3)), ihdr(), IEND);

        assertRefused(new PngCheck(), png, MALFORMED, "the first chunk is IDAT, not a 13-byte IHDR");
    }

    @Test
    void aPngWithoutImageDataIsRefused() {
        assertRefused(new PngCheck(), pngOf(ihdr(), IEND), MALFORMED, "IEND before any IDAT");
    }

    @Test
    void aChunkWhoseLengthRunsPastTheEndIsTruncated() {
        byte[] png = pngOf(ihdr(), SampleFiles.bytes(0x7F, 0, 0, 0, 'I', 'D', 'A', 'T', 1, 2, 3));

        assertRefused(new PngCheck(), png, MALFORMED, "truncated");
    }

    @Test
    void anImpossibleChunkLengthIsRefused() {
        byte[] png = pngOf(ihdr(), SampleFiles.bytes(0x80, 0, 0, 0, 'I', 'D', 'A', 'T'));

        assertRefused(new PngCheck(), png, MALFORMED, "claims 2147483648 bytes");
    }

    @Test
    void aChunkTypeThatIsNotLettersIsRefused() {
        assertRefused(new PngCheck(), pngOf(ihdr(), chunk("ID@T", new byte[0]), IEND), MALFORMED,
                "invalid type");
    }

    @Test
    void somethingElseThanAPngSignatureIsTheWrongType() {
        assertRefused(new PngCheck(), SampleFiles.jpeg(8, 8), WRONG_TYPE, "not a PNG");
    }
}
