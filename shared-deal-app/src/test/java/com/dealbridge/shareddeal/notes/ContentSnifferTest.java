package com.dealbridge.shareddeal.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The type of an upload is judged by its first bytes; the declared type is honoured only when the bytes can be it.
 * Whether the whole file keeps to that type is checked afterwards (PngCheckTest, TextCheckTest, ...).
 */
class ContentSnifferTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H',
            'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0);
    private static final byte[] JPEG = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1);
    private static final byte[] GIF = ascii("GIF89a\u0001\u0000\u0001\u0000\u0080\u0000\u0000");
    private static final byte[] WEBP = concat(ascii("RIFF"), bytes(0x24, 0x08, 0, 0), ascii("WEBPVP8 "),
            bytes(0x18, 0x08, 0, 0));
    private static final byte[] PDF = ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n");
    private static final byte[] ZIP = concat(bytes('P', 'K', 3, 4, 20, 0, 6, 0, 8, 0), ascii("[Content_Types].xml"));
    private static final byte[] TEXT = utf8("Call notes\r\nCustomer wants SSO.\tBudget approved.\n");
    private static final byte[] CSV = utf8("id,name,amount\n1,Acme,12000\n");
    /** A Windows PE executable: "MZ", then the DOS header. */
    private static final byte[] EXE = bytes('M', 'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00,
            0xFF, 0xFF, 0x00, 0x00, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0);
    /** A 64-bit little-endian ELF executable header. */
    private static final byte[] ELF = bytes(0x7F, 'E', 'L', 'F', 0x02, 0x01, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
            0x02, 0x00, 0x3E, 0x00, 0x01, 0, 0, 0);

    // ---- what the bytes are -----------------------------------------------------------------------------------

    @Test
    void recognisesImagesByTheirMagicBytes() {
        assertThat(ContentSniffer.candidates(PNG)).containsExactly("image/png");
        assertThat(ContentSniffer.candidates(JPEG)).containsExactly("image/jpeg");
        assertThat(ContentSniffer.candidates(GIF)).containsExactly("image/gif");
        assertThat(ContentSniffer.candidates(WEBP)).containsExactly("image/webp");
    }

    @Test
    void aRiffFileThatIsNotWebpIsNotAnImage() {
        byte[] wave = concat(ascii("RIFF"), bytes(0x24, 0x08, 0, 0), ascii("WAVEfmt "), bytes(0x10, 0, 0, 0));

        assertThat(ContentSniffer.candidates(wave)).doesNotContain("image/webp");
        assertThat(ContentSniffer.decide("image/webp", wave)).isNull();
    }

    @Test
    void recognisesPdf() {
        assertThat(ContentSniffer.candidates(PDF)).containsExactly("application/pdf");
    }

    @Test
    void aZipContainerCanBeAnyZipBasedOfficeType() {
        assertThat(ContentSniffer.candidates(ZIP)).first().isEqualTo("application/zip");
        assertThat(ContentSniffer.candidates(ZIP)).contains(DOCX, XLSX,
                "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    }

    @Test
    void recognisesPlainText() {
        assertThat(ContentSniffer.candidates(TEXT)).first().isEqualTo("text/plain");
        assertThat(ContentSniffer.candidates(CSV)).contains("text/plain", "text/csv");
    }

    @Test
    void utf8TextWithAccentsIsText() {
        byte[] german = utf8("Grüße aus München – Angebot für Q3: 12 000 €\n");

        assertThat(ContentSniffer.candidates(german)).first().isEqualTo("text/plain");
        assertThat(ContentSniffer.decide("text/plain; charset=utf-8", german)).isEqualTo("text/plain");
        assertThat(ContentSniffer.decide(null, german)).isEqualTo("text/plain");
    }

    @Test
    void utf8TextWhosePrefixEndsInsideACharacterIsText() {
        // the sniffer sees only the first PREFIX bytes, which may cut "ü" (0xC3 0xBC) in half
        byte[] prefix = new byte[ContentSniffer.PREFIX];
        Arrays.fill(prefix, (byte) 'a');
        prefix[prefix.length - 1] = (byte) 0xC3;

        assertThat(ContentSniffer.candidates(prefix)).first().isEqualTo("text/plain");
    }

    @Test
    void bytesThatAreNotUtf8AreNotText() {
        byte[] latin1 = "Grüße aus München, lange Zeile".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(ContentSniffer.candidates(latin1)).isEmpty();
        assertThat(ContentSniffer.decide("text/plain", latin1)).isNull();
    }

    @Test
    void binaryWithNulBytesIsNotText() {
        byte[] binary = concat(utf8("looks like text"), bytes(0, 1, 2, 3), utf8("but is not"));

        assertThat(ContentSniffer.candidates(binary)).isEmpty();
        assertThat(ContentSniffer.decide("text/plain", binary)).isNull();
    }

    // ---- the declared type -----------------------------------------------------------------------------------

    @Test
    void theDeclaredTypeIsKeptWhenTheContentCanBeIt() {
        assertThat(ContentSniffer.decide("image/png", PNG)).isEqualTo("image/png");
        assertThat(ContentSniffer.decide("image/jpeg", JPEG)).isEqualTo("image/jpeg");
        assertThat(ContentSniffer.decide("image/gif", GIF)).isEqualTo("image/gif");
        assertThat(ContentSniffer.decide("image/webp", WEBP)).isEqualTo("image/webp");
        assertThat(ContentSniffer.decide("application/pdf", PDF)).isEqualTo("application/pdf");
        assertThat(ContentSniffer.decide(DOCX, ZIP)).isEqualTo(DOCX);
        assertThat(ContentSniffer.decide(XLSX, ZIP)).isEqualTo(XLSX);
        assertThat(ContentSniffer.decide("text/csv", CSV)).isEqualTo("text/csv");
        assertThat(ContentSniffer.decide("text/markdown", TEXT)).isEqualTo("text/markdown");
    }

    @Test
    void theDeclaredTypeIsMatchedWithoutParametersOrCase() {
        assertThat(ContentSniffer.decide("IMAGE/PNG", PNG)).isEqualTo("image/png");
        assertThat(ContentSniffer.decide(" text/csv ; charset=UTF-8", CSV)).isEqualTo("text/csv");
    }

    @ParameterizedTest(name = "declared \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"application/octet-stream", "APPLICATION/OCTET-STREAM; x=y", "  "})
    void anUnspecificOrMissingTypeGivesTheSniffedType(String declared) {
        assertThat(ContentSniffer.decide(declared, PNG)).isEqualTo("image/png");
        assertThat(ContentSniffer.decide(declared, JPEG)).isEqualTo("image/jpeg");
        assertThat(ContentSniffer.decide(declared, PDF)).isEqualTo("application/pdf");
        assertThat(ContentSniffer.decide(declared, ZIP)).isEqualTo("application/zip");
        assertThat(ContentSniffer.decide(declared, TEXT)).isEqualTo("text/plain");
    }

    @Test
    void aDeclaredTypeTheContentContradictsIsRefused() {
        assertThat(ContentSniffer.decide("application/pdf", PNG)).isNull();
        assertThat(ContentSniffer.decide("image/png", PDF)).isNull();
        assertThat(ContentSniffer.decide("image/jpeg", PNG)).isNull();
        assertThat(ContentSniffer.decide("image/png", TEXT)).isNull();
        assertThat(ContentSniffer.decide("application/pdf", ZIP)).isNull();
        assertThat(ContentSniffer.decide("text/plain", PNG)).isNull();
        assertThat(ContentSniffer.decide("text/plain", PDF)).isNull();
        assertThat(ContentSniffer.decide(DOCX, TEXT)).isNull();
    }

    @Test
    void textDeclaredAsAnotherTextTypeIsKeptAsPlainTextNeverAsMarkup() {
        byte[] html = utf8("<html><body><script>alert(document.cookie)</script></body></html>\n");

        // (the upload is then refused for the markup it contains: TextCheckTest)
        assertThat(ContentSniffer.decide("text/html", html)).isEqualTo("text/plain");
        assertThat(ContentSniffer.decide("text/x-log", TEXT)).isEqualTo("text/plain");
        assertThat(ContentSniffer.decide("image/svg+xml", utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")))
                .isNull();
    }

    // ---- executables -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "declared \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"application/octet-stream", "image/png", "application/pdf", "text/plain",
        "application/x-msdownload", "application/zip"})
    void executablesAreNeverAccepted(String declared) {
        assertThat(ContentSniffer.decide(declared, EXE)).as("PE/MZ").isNull();
        assertThat(ContentSniffer.decide(declared, ELF)).as("ELF").isNull();
        assertThat(ContentSniffer.candidates(EXE)).isEmpty();
        assertThat(ContentSniffer.candidates(ELF)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"7F454C46", "4D5A", "FEEDFACE", "CEFAEDFE", "FEEDFACF", "CFFAEDFE", "CAFEBABE", "2321"})
    void anExecutableMagicAtTheStartIsNeverAnyType(String magic) {
        byte[] file = concat(java.util.HexFormat.of().parseHex(magic), utf8("rest of the file, all text\n"));

        assertThat(ContentSniffer.executable(file)).isNotNull();
        assertThat(ContentSniffer.candidates(file)).isEmpty();
        assertThat(ContentSniffer.decide("text/plain", file)).isNull();
    }

    @Test
    void textThatStartsLikeAnExecutableIsRefusedToo() {
        // "MZ" and "#!" are letters: such text is refused rather than risk an executable or script passing
        assertThat(ContentSniffer.executable(utf8("MZ is the DOS header\n"))).contains("Windows executable");
        assertThat(ContentSniffer.executable(utf8("#!/bin/sh\necho hi\n"))).contains("script");
        assertThat(ContentSniffer.executable(utf8("Meeting notes\n"))).isNull();
        assertThat(ContentSniffer.executable(new byte[0])).isNull();
    }

    @Test
    void aDeleteCharacterIsNotText() {
        assertThat(ContentSniffer.candidates(utf8("abc\u007Fdef"))).isEmpty();
    }

    @Test
    void onlyThePrefixIsNeededAndShortInputsAreSafe() {
        assertThat(ContentSniffer.candidates(Arrays.copyOf(PNG, 8))).containsExactly("image/png");
        assertThat(ContentSniffer.candidates(Arrays.copyOf(PNG, 7))).isEmpty(); // 0x89 is not text
        assertThat(ContentSniffer.candidates(bytes(0xFF, 0xD8, 0x00))).isEmpty(); // not JPEG, and NUL is not text
        assertThat(ContentSniffer.candidates(ascii("RIFF"))).doesNotContain("image/webp");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
