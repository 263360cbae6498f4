package com.dealbridge.shareddeal.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** An uploaded file's name is made safe to store, list and send back in a Content-Disposition header. */
class FileNamesTest {

    @Test
    void anOrdinaryNameIsKept() {
        assertThat(FileNames.sanitise("Q3 plan (final) v2.pdf")).isEqualTo("Q3 plan (final) v2.pdf");
        assertThat(FileNames.sanitise("Angebot Müller & Söhne.docx")).isEqualTo("Angebot Müller & Söhne.docx");
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "../../etc/passwd|passwd",
        "/etc/shadow|shadow",
        "C:\\x\\y.png|y.png",
        "..\\..\\windows\\system32\\cmd.exe|cmd.exe",
        "uploads/../../secret.txt|secret.txt",
        "a/b\\c/d.pdf|d.pdf"})
    void pathsAreStripped(String original, String expected) {
        assertThat(FileNames.sanitise(original)).isEqualTo(expected);
    }

    @Test
    void controlCharactersAndLineBreaksAreRemovedSoNoHeaderCanBeInjected() {
        String sanitised = FileNames.sanitise("report\r\nSet-Cookie: session=x.pdf");

        assertThat(sanitised).doesNotContain("\r", "\n", ":");
        assertThat(sanitised).isEqualTo("reportSet-Cookie_ session=x.pdf");
        assertThat(FileNames.sanitise("a\u0000b\u0007c\u001b[31md\u007f.txt")).isEqualTo("abc[31md.txt");
        assertThat(FileNames.sanitise("line\u2028break\u0085.txt")).isEqualTo("linebreak.txt");
    }

    @Test
    void invisibleFormatCharactersAreRemoved() {
        // a right-to-left override would show "invoice\u202Efdp.exe" as "invoiceexe.pdf"
        assertThat(FileNames.sanitise("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.sanitise("zero\u200Bwidth.txt")).isEqualTo("zerowidth.txt");
    }

    @Test
    void quotesSemicolonsAndOtherSpecialCharactersAreReplaced() {
        assertThat(FileNames.sanitise("my \"best\" file;.pdf")).isEqualTo("my _best_ file_.pdf");
        assertThat(FileNames.sanitise("it's.txt")).isEqualTo("it_s.txt");
        assertThat(FileNames.sanitise("a*b?c<d>e|f%g$h`i.txt")).isEqualTo("a_b_c_d_e_f_g_h_i.txt");
        assertThat(FileNames.sanitise("x\"; filename*=UTF-8''evil.exe"))
                .doesNotContain("\"", ";", "'").isEqualTo("x__ filename_=UTF-8__evil.exe");
    }

    @Test
    void leadingDotsAndSpacesAreTrimmed() {
        assertThat(FileNames.sanitise(".htaccess")).isEqualTo("htaccess");
        assertThat(FileNames.sanitise("...hidden.txt")).isEqualTo("hidden.txt");
        assertThat(FileNames.sanitise("  . .bashrc")).isEqualTo("bashrc");
        assertThat(FileNames.sanitise("name.pdf. . ")).isEqualTo("name.pdf");
    }

    @Test
    void whitespaceRunsCollapse() {
        assertThat(FileNames.sanitise("a     b.pdf")).isEqualTo("a b.pdf");
    }

    @Test
    void overlongNamesAreCutTo200KeepingTheExtension() {
        String sanitised = FileNames.sanitise("a".repeat(300) + ".pdf");

        assertThat(sanitised).hasSize(FileNames.MAX_LENGTH).endsWith(".pdf").startsWith("aaaa");
        assertThat(sanitised).isEqualTo("a".repeat(196) + ".pdf");
    }

    @Test
    void overlongNamesWithoutAnExtensionAreCutTo200() {
        assertThat(FileNames.sanitise("b".repeat(250))).isEqualTo("b".repeat(200));
    }

    @Test
    void aNameOfExactly200IsKept() {
        String name = "c".repeat(196) + ".png";

        assertThat(FileNames.sanitise(name)).isEqualTo(name);
    }

    @Test
    void overlongNamesAreNotCutInsideACharacter() {
        // 1 + 150 emoji (2 UTF-16 units each) + ".png": the cut at 196 units falls inside an emoji
        String sanitised = FileNames.sanitise("x" + "\uD83D\uDE00".repeat(150) + ".png");

        assertThat(sanitised).endsWith(".png");
        assertThat(sanitised.length()).isLessThanOrEqualTo(FileNames.MAX_LENGTH);
        assertThat(new String(sanitised.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .as("no unpaired surrogate (it would reach the header as '?')").isEqualTo(sanitised);
    }

    @Test
    void theNameIsNormalisedToComposedForm() {
        assertThat(FileNames.sanitise("Cafe\u0301.txt")).isEqualTo("Caf\u00e9.txt");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "...", "../..", "C:\\", "/", "\r\n", "\u202E"})
    void nothingUsableLeftGivesAttachment(String original) {
        assertThat(FileNames.sanitise(original)).isEqualTo("attachment");
    }
}
