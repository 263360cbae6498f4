package com.dealbridge.shareddeal.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.shareddeal.domain.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An uploaded file's name is made safe to store, list and send back in a Content-Disposition header, and refused
 * (422) when longer than the domain allows.
 */
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
    void anOverlongNameIsRefusedWith422NamingTheField() {
        assertThatThrownBy(() -> FileNames.sanitise("a".repeat(300) + ".pdf"))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("fileName");
                        assertThat(error.message()).contains("at most 200 characters", "this one has 304");
                    });
                    assertThat(e.detail()).startsWith("fileName: ");
                });
    }

    @Test
    void theLimitIsTheDomainsFileNameLimit() {
        assertThat(FileNames.MAX_LENGTH).isEqualTo(Limits.FILE_NAME_CHARS).isEqualTo(200);
    }

    @Test
    void aNameOfExactly200IsKept() {
        String name = "c".repeat(196) + ".png";

        assertThat(FileNames.sanitise(name)).isEqualTo(name);
        assertThatThrownBy(() -> FileNames.sanitise("c" + name)).isInstanceOf(UnprocessableException.class);
    }

    @Test
    void theLengthCountsWhatIsLeftAfterThePathAndControlCharactersAreRemoved() {
        String name = "d".repeat(196) + ".pdf";

        assertThat(FileNames.sanitise("C:\\Users\\" + "x".repeat(300) + "\\" + name)).isEqualTo(name);
        assertThat(FileNames.sanitise(name.substring(0, 100) + "\u0007\u200B" + name.substring(100))).isEqualTo(name);
    }

    @Test
    void charactersOutsideTheBasicPlaneCountAsTheDomainCountsThem() {
        // the domain's limit is in UTF-16 units (String.length), so 100 emoji are 200
        assertThat(FileNames.sanitise("\uD83D\uDE00".repeat(100))).hasSize(200);
        assertThatThrownBy(() -> FileNames.sanitise("\uD83D\uDE00".repeat(100) + ".png"))
                .isInstanceOf(UnprocessableException.class);
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
