package com.dealbridge.shareddeal.notes;

import static com.dealbridge.shareddeal.notes.SampleFiles.DOCM_MAIN;
import static com.dealbridge.shareddeal.notes.SampleFiles.DOCX;
import static com.dealbridge.shareddeal.notes.SampleFiles.DOCX_MAIN;
import static com.dealbridge.shareddeal.notes.SampleFiles.PPTX;
import static com.dealbridge.shareddeal.notes.SampleFiles.XLSX;
import static com.dealbridge.shareddeal.notes.SampleFiles.concat;
import static com.dealbridge.shareddeal.notes.SampleFiles.cut;
import static com.dealbridge.shareddeal.notes.SampleFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Office documents are read as ZIP streams: well-formed, bounded, the same entries in the local headers and the
 * central directory, and the package of the claimed kind without macros.
 */
class OoxmlCheckTest {

    @Test
    void minimalDocxXlsxAndPptxPass() {
        assertPasses(SampleFiles.docx(), DOCX);
        assertPasses(SampleFiles.xlsx(), XLSX);
        assertPasses(SampleFiles.pptx(), PPTX);
    }

    @Test
    void aDocumentWhoseMainPartTypeComesFromADefaultPasses() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", utf8("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "content-types\"><Default Extension=\"XML\" ContentType=\"" + DOCX_MAIN + "\"/></Types>"));
        entries.put("word/document.xml", utf8("<w:document/>"));

        assertPasses(SampleFiles.zip(entries), DOCX);
    }

    @Test
    void anyWellFormedZipPassesAsApplicationZip() {
        assertPasses(SampleFiles.zip(Map.of("readme.txt", utf8("hello"))), "application/zip");
    }

    @Test
    void aRandomZipClaimedAsDocxIsTheWrongType() {
        byte[] zip = SampleFiles.zip(Map.of("readme.txt", utf8("hello"), "payload.bin", new byte[100]));

        assertWrongType(zip, DOCX, "not a Word document (docx): the archive has no [Content_Types].xml");
    }

    @Test
    void aWorkbookClaimedAsDocxIsTheWrongType() {
        assertWrongType(SampleFiles.xlsx(), DOCX, "the archive has no word/document.xml, it looks like a Excel");
        assertWrongType(SampleFiles.docx(), PPTX, "no ppt/presentation.xml");
    }

    @Test
    void aMainPartOfAnotherContentTypeIsTheWrongType() {
        byte[] template = SampleFiles.ooxml("word/document.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml", "<w:document/>");

        assertWrongType(template, DOCX, "gives word/document.xml the type application/vnd.openxmlformats-"
                + "officedocument.wordprocessingml.template.main+xml");
    }

    @Test
    void aMacroEnabledDocxIsTheWrongType() {
        assertWrongType(SampleFiles.ooxml("word/document.xml", DOCM_MAIN, "<w:document/>"), DOCX,
                "macro-enabled content type " + DOCM_MAIN);
        assertWrongType(SampleFiles.ooxml("xl/workbook.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                "<workbook/>"), XLSX, "macro-enabled");
    }

    @Test
    void aDocxWithAVbaProjectIsTheWrongType() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", utf8(SampleFiles.contentTypes("word/document.xml", DOCX_MAIN)));
        entries.put("word/document.xml", utf8("<w:document/>"));
        entries.put("word/vbaProject.bin", new byte[512]);

        assertWrongType(SampleFiles.zip(entries), DOCX, "VBA macros ('word/vbaProject.bin')");
    }

    @Test
    void aVbaProjectContentTypeIsTheWrongTypeEvenWithoutItsPart() {
        String types = SampleFiles.contentTypes("word/document.xml", DOCX_MAIN).replace("</Types>",
                "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", utf8(types));
        entries.put("word/document.xml", utf8("<w:document/>"));

        assertWrongType(SampleFiles.zip(entries), DOCX, "application/vnd.ms-office.vbaProject");
    }

    @Test
    void aZipBombIsRefusedWhileItInflates() {
        byte[] bomb = SampleFiles.zipOfZeros("word/document.xml", OoxmlCheck.MAX_UNCOMPRESSED_BYTES + 1);
        assertThat(bomb.length).as("a few hundred KiB that inflate to over 256 MiB").isLessThan(1024 * 1024);

        assertMalformed(bomb, DOCX, "inflates to more than " + OoxmlCheck.MAX_UNCOMPRESSED_BYTES + " bytes");
    }

    @Test
    void theBoundsAreCountedOverAllEntries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            entries.put("part" + i + ".xml", new byte[1000]);
        }
        byte[] zip = SampleFiles.zip(entries);

        assertThatThrownBy(() -> new OoxmlCheck(100, 9_999).check(new ByteArrayInputStream(zip), "application/zip"))
                .hasMessageContaining("inflates to more than 9999 bytes");
        assertThatThrownBy(() -> new OoxmlCheck(9, Long.MAX_VALUE).check(new ByteArrayInputStream(zip),
                "application/zip")).hasMessageContaining("more than 9 entries");
        assertThatCode(() -> new OoxmlCheck(10, 10_000).check(new ByteArrayInputStream(zip), "application/zip"))
                .doesNotThrowAnyException();
    }

    @Test
    void tooManyEntriesAreRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i <= OoxmlCheck.MAX_ENTRIES; i++) {
            entries.put("e/" + i, new byte[0]);
        }

        assertMalformed(SampleFiles.zip(entries), "application/zip", "more than " + OoxmlCheck.MAX_ENTRIES
                + " entries");
    }

    @Test
    void aTruncatedDocxIsRefused() {
        byte[] docx = SampleFiles.docx();

        assertMalformed(cut(docx, docx.length / 2), DOCX, "malformed archive");
        assertMalformed(cut(docx, docx.length - 10), DOCX, "end-of-central-directory record");
    }

    @Test
    void dataAppendedAfterTheArchiveIsRefused() {
        assertMalformed(concat(SampleFiles.docx(), SampleFiles.HTML), DOCX, "data appended");
    }

    @Test
    void aCorruptedEntryIsRefused() {
        byte[] docx = SampleFiles.docx();
        byte[] damaged = docx.clone();
        // a byte of the main part's deflated data, just after its local header's name (no extra field)
        int data = indexOf(docx, "word/document.xml") + "word/document.xml".length();
        damaged[data + 3] ^= 0x55;

        assertMalformed(damaged, DOCX, "malformed archive");
    }

    @Test
    void anEntryOnlyTheCentralDirectoryListsIsRefused() {
        // the local header says "word/settings.xml", the directory Office reads says "word/vbaProject.b"
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", utf8(SampleFiles.contentTypes("word/document.xml", DOCX_MAIN)));
        entries.put("word/document.xml", utf8("<w:document/>"));
        entries.put("word/settings.xml", utf8("<w:settings/>"));
        byte[] zip = SampleFiles.zip(entries);
        int directory = lastIndexOf(zip, "word/settings.xml");
        byte[] hidden = zip.clone();
        System.arraycopy(utf8("word/vbaProject.b"), 0, hidden, directory, 17);

        assertMalformed(hidden, DOCX, "list different entries (only in the directory: word/vbaProject.b)");
    }

    @Test
    void aDuplicateEntryNameIsRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", utf8(SampleFiles.contentTypes("word/document.xml", DOCX_MAIN)));
        entries.put("word/document.xml", utf8("<w:document/>"));
        entries.put("word/documenX.xml", utf8("<w:document/>"));

        assertMalformed(SampleFiles.replaceAll(SampleFiles.zip(entries), "word/documenX.xml", "word/document.xml"),
                DOCX, "the entry 'word/document.xml' appears twice");
    }

    @Test
    void contentTypesThatAreNotXmlAreRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", utf8("<Types><Override PartName=\"/word/document.xml\""));
        entries.put("word/document.xml", utf8("<w:document/>"));

        assertMalformed(SampleFiles.zip(entries), DOCX, "is not well-formed XML");
    }

    @Test
    void anExternalEntityInTheContentTypesIsNeverFetched() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", utf8("<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><Types><Default Extension=\"xml\" ContentType=\"&x;\"/></Types>"));
        entries.put("word/document.xml", utf8("<w:document/>"));

        assertThatThrownBy(() -> new OoxmlCheck().check(new ByteArrayInputStream(SampleFiles.zip(entries)), DOCX))
                .isInstanceOf(RefusedFile.class).hasMessageNotContaining("root:");
    }

    @Test
    void notAZipAtAllIsRefused() {
        assertMalformed(SampleFiles.utf8("PK\u0003\u0004 but nothing else"), DOCX, "malformed archive");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static void assertPasses(byte[] zip, String type) {
        assertThatCode(() -> new OoxmlCheck().check(new ByteArrayInputStream(zip), type)).doesNotThrowAnyException();
    }

    private static void assertWrongType(byte[] zip, String type, String why) {
        assertRefused(zip, type, RefusedFile.Kind.WRONG_TYPE, why);
    }

    private static void assertMalformed(byte[] zip, String type, String why) {
        assertRefused(zip, type, RefusedFile.Kind.MALFORMED, why);
    }

    private static void assertRefused(byte[] zip, String type, RefusedFile.Kind kind, String why) {
        assertThatThrownBy(() -> new OoxmlCheck().check(new ByteArrayInputStream(zip), type))
                .isInstanceOfSatisfying(RefusedFile.class, refusal -> {
                    assertThat(refusal.kind()).isEqualTo(kind);
                    assertThat(refusal.getMessage()).contains(why);
                });
    }

    private static int indexOf(byte[] bytes, String text) {
        byte[] needle = utf8(text);
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError(text + " not found");
    }

    private static int lastIndexOf(byte[] bytes, String text) {
        byte[] needle = utf8(text);
        for (int i = bytes.length - needle.length; i >= 0; i--) {
            if (java.util.Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError(text + " not found");
    }
}
