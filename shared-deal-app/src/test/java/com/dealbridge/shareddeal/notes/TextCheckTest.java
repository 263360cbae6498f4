package com.dealbridge.shareddeal.notes;

import static com.dealbridge.shareddeal.notes.RefusedFile.Kind.WRONG_TYPE;
import static com.dealbridge.shareddeal.notes.SampleFiles.assertRefused;
import static com.dealbridge.shareddeal.notes.SampleFiles.bytes;
import static com.dealbridge.shareddeal.notes.SampleFiles.concat;
import static com.dealbridge.shareddeal.notes.SampleFiles.utf8;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text passes as a whole: UTF-8 throughout, no control characters but white space, no executable and no HTML or
 * script markup anywhere; every refusal says the file is not plain text (415).
 */
class TextCheckTest {

    /** Longer than the 512 bytes the type is first judged by, so what follows is past the sniffed prefix. */
    private static final byte[] NOTES = utf8("Call notes\r\nCustomer wants SSO.\tBudget approved.\f\n"
            + "Grüße aus München – Angebot für Q3: 12 000 €, 日本語も 😀\n".repeat(20));

    @Test
    void utf8TextPasses() {
        assertThatCode(() -> new TextCheck().check(NOTES)).doesNotThrowAnyException();
        assertThatCode(() -> new TextCheck().check(new byte[0])).doesNotThrowAnyException();
    }

    @Test
    void csvPasses() {
        assertThatCode(() -> new TextCheck().check(utf8("id,name,amount,note\n1,\"Acme, Inc.\",12000,\"<b>bold</b>\"\n"
                + "2,Müller,3.50,\"a < b > c\"\n"))).doesNotThrowAnyException();
    }

    @Test
    void aByteOrderMarkPasses() {
        assertThatCode(() -> new TextCheck().check(concat(bytes(0xEF, 0xBB, 0xBF), utf8("id,name\n"))))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "pieces of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 5, 511})
    void multiByteCharactersSplitBetweenPiecesPass(int piece) {
        assertThatCode(() -> SampleFiles.checkInPieces(new TextCheck(), NOTES, piece)).doesNotThrowAnyException();
    }

    @Test
    void textFollowedByAnElfExecutableIsRefused() {
        byte[] file = concat(NOTES, SampleFiles.ELF, SampleFiles.randomBytes(2000, 1));

        assertRefused(new TextCheck(), file, WRONG_TYPE, "an ELF executable header at byte " + NOTES.length);
    }

    @Test
    void anElfExecutableIsFoundWhereverThePiecesAreCut() {
        byte[] file = concat(NOTES, SampleFiles.ELF);
        for (int piece = 1; piece <= 5; piece++) {
            int size = piece;
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SampleFiles.checkInPieces(new TextCheck(), file,
                    size)).hasMessageContaining("ELF executable");
        }
    }

    @Test
    void textFollowedByAWindowsExecutableIsRefused() {
        assertRefused(new TextCheck(), concat(NOTES, SampleFiles.EXE), WRONG_TYPE,
                "a Windows executable header ('MZ') at byte " + NOTES.length);
    }

    @Test
    void textFollowedByAMachOExecutableIsRefused() {
        assertRefused(new TextCheck(), concat(NOTES, bytes(0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1)), WRONG_TYPE,
                "not UTF-8 (0xFA at byte " + (NOTES.length + 1) + ")");
        assertRefused(new TextCheck(), concat(NOTES, bytes(0xFE, 0xED, 0xFA, 0xCF)), WRONG_TYPE, "not UTF-8");
    }

    @Test
    void aNulByteAfterTheSniffedPrefixIsRefused() {
        assertRefused(new TextCheck(), concat(NOTES, bytes(0), utf8("more")), WRONG_TYPE,
                "a control character 0x00 at byte " + NOTES.length);
    }

    @ParameterizedTest(name = "0x{0}")
    @ValueSource(ints = {0x01, 0x07, 0x08, 0x0B, 0x1B, 0x1F, 0x7F})
    void controlCharactersOtherThanWhiteSpaceAreRefused(int control) {
        assertRefused(new TextCheck(), concat(utf8("ok"), bytes(control), utf8("ok")), WRONG_TYPE,
                "a control character 0x" + String.format("%02X", control) + " at byte 2");
    }

    @Test
    void aDeleteAtTheEndIsRefused() {
        assertRefused(new TextCheck(), concat(utf8("ok"), bytes(0x7F)), WRONG_TYPE, "0x7F at byte 2");
        assertRefused(new TextCheck(), concat(utf8("ok"), bytes(0x7F, 'E', 'L')), WRONG_TYPE, "0x7F at byte 2");
    }

    @Test
    void latin1IsRefused() {
        byte[] latin1 = "Grüße".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertRefused(new TextCheck(), concat(NOTES, latin1), WRONG_TYPE, "not UTF-8 (0xFC at byte "
                + (NOTES.length + 2) + ")");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"C0 AF", "E0 80 AF", "ED A0 80", "F0 80 80 AF", "F4 90 80 80", "F5 80 80 80", "80",
        "C3 28", "E2 82"})
    void malformedUtf8IsRefused(String hex) {
        String[] parts = hex.split(" ");
        byte[] sequence = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            sequence[i] = (byte) Integer.parseInt(parts[i], 16);
        }

        assertRefused(new TextCheck(), concat(utf8("x"), sequence), WRONG_TYPE, "not plain text");
    }

    @Test
    void aCharacterCutOffAtTheEndIsRefused() {
        assertRefused(new TextCheck(), concat(utf8("Gr"), bytes(0xC3)), WRONG_TYPE, "cut off at the end");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<script>alert(1)</script>", "<SCRIPT src=//evil.test/x.js>", "<html>", "<HTML lang=en>",
        "<!DOCTYPE html>", "<!doctype   HTML>", "<iframe src=x>", "<frame/>", "<object data=x>", "<embed src=x>",
        "<svg onload=alert(1)>", "<body onload=x>", "<head>", "<style>", "<applet>", "<frameset>",
        "javascript:alert(1)", "JavaScript:void(0)", "vbscript:msgbox", "<a href=\"javascript:alert(1)\">"})
    void htmlAndScriptMarkupAnywhereIsRefused(String markup) {
        byte[] file = concat(NOTES, utf8("see " + markup + " here\n"));

        assertRefused(new TextCheck(), file, WRONG_TYPE, "not plain text: the file contains");
    }

    @Test
    void markupSplitBetweenPiecesIsFound() {
        byte[] file = concat(NOTES, utf8("<!DOCTYPE html><p>x"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SampleFiles.checkInPieces(new TextCheck(), file, 1))
                .hasMessageContaining("'<!doctype html') at byte " + NOTES.length);
        byte[] script = concat(NOTES, utf8("<ScRiPt>"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SampleFiles.checkInPieces(new TextCheck(), script,
                3)).hasMessageContaining("'<script') at byte " + NOTES.length);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a < b and c > d", "<header> is a section", "see <link> and <img>",
        "JavaScript: 5 years", "skills: javascript: ", "<scripts> folder", "html is fun", "<!-- a comment -->",
        "<!doctype xml>", "<b>bold</b>", "myjavascript:x", "<htmlx>"})
    void textThatMerelyLooksLikeMarkupPasses(String text) {
        assertThatCode(() -> new TextCheck().check(utf8(text + "\n"))).doesNotThrowAnyException();
    }
}
