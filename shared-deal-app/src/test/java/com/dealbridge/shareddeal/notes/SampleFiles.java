package com.dealbridge.shareddeal.notes;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Small sample files for the content checks, made here: real encoders where the JDK has one, else by hand. */
final class SampleFiles {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    static final String DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    static final String XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    static final String PPTX_MAIN =
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";
    static final String DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml";

    /** A 64-bit little-endian ELF header, as at the start of any Linux executable. */
    static final byte[] ELF = bytes(0x7F, 'E', 'L', 'F', 0x02, 0x01, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
            0x02, 0x00, 0x3E, 0x00, 0x01, 0, 0, 0);
    /** A Windows PE executable: "MZ", then the DOS header. */
    static final byte[] EXE = bytes('M', 'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00,
            0xFF, 0xFF, 0x00, 0x00, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0);
    static final byte[] HTML = utf8("<html><body><script>alert(document.cookie)</script></body></html>\n");

    private SampleFiles() {
    }

    // ---- images -----------------------------------------------------------------------------------------------

    /** A real PNG from the JDK's encoder. */
    static byte[] png(int width, int height) {
        return encode(image(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    static byte[] jpeg(int width, int height) {
        return encode(image(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    static byte[] gif(int width, int height) {
        return encode(image(width, height, BufferedImage.TYPE_INT_RGB), "gif");
    }

    /** A PNG put together chunk by chunk, for the cases an encoder would never write. */
    static byte[] pngOf(byte[]... chunks) {
        return concat(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), concat(chunks));
    }

    /** One PNG chunk with its length and correct CRC. */
    static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return concat(int32(data.length), typeBytes, data, int32((int) crc.getValue()));
    }

    static byte[] ihdr() {
        return chunk("IHDR", bytes(0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0));
    }

    /** A WebP container around a (not decodable, but well-framed) VP8L bitstream of {@code payload} bytes. */
    static byte[] webp(int payload) {
        byte[] data = randomBytes(payload, 5);
        data[0] = 0x2F; // VP8L signature byte
        byte[] chunk = concat(ascii("VP8L"), le32(payload), data, payload % 2 == 1 ? new byte[1] : new byte[0]);
        return concat(ascii("RIFF"), le32(4 + chunk.length), ascii("WEBP"), chunk);
    }

    // ---- documents ----------------------------------------------------------------------------------------------

    /** A minimal, valid one-page PDF (cross-reference offsets computed). */
    static byte[] pdf() {
        String content = "BT /F1 24 Tf 72 720 Td (Quote Q3) Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream"};
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return ascii(pdf.toString());
    }

    static byte[] docx() {
        return ooxml("word/document.xml", DOCX_MAIN, "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                + "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Quote Q3</w:t></w:r></w:p></w:body>"
                + "</w:document>");
    }

    static byte[] xlsx() {
        return ooxml("xl/workbook.xml", XLSX_MAIN, "<workbook xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\"><sheets/></workbook>");
    }

    static byte[] pptx() {
        return ooxml("ppt/presentation.xml", PPTX_MAIN, "<p:presentation xmlns:p=\"http://schemas.openxmlformats"
                + ".org/presentationml/2006/main\"/>");
    }

    /** An Office Open XML package: content types, package relationships and its main part. */
    static byte[] ooxml(String mainPart, String mainContentType, String mainXml) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", utf8(contentTypes(mainPart, mainContentType)));
        entries.put("_rels/.rels", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"" + mainPart + "\"/></Relationships>"));
        entries.put(mainPart, utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + mainXml));
        return zip(entries);
    }

    static String contentTypes(String mainPart, String mainContentType) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/" + mainPart + "\" ContentType=\"" + mainContentType + "\"/></Types>";
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One entry of {@code size} zero bytes, deflated to about a thousandth of that: a ZIP bomb. */
    static byte[] zipOfZeros(String name, long size) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(utf8(contentTypes("word/document.xml", DOCX_MAIN)));
            zip.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[1024 * 1024];
            for (long left = size; left > 0; left -= zeros.length) {
                zip.write(zeros, 0, (int) Math.min(left, zeros.length));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // ---- bytes ----------------------------------------------------------------------------------------------------

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] cut(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }

    /** The bytes with every occurrence of {@code from} replaced by {@code to} (of the same length). */
    static byte[] replaceAll(byte[] bytes, String from, String to) {
        byte[] f = utf8(from);
        byte[] t = utf8(to);
        if (f.length != t.length) {
            throw new IllegalArgumentException("same length only");
        }
        byte[] copy = bytes.clone();
        for (int i = 0; i + f.length <= copy.length; i++) {
            if (Arrays.equals(copy, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, copy, i, t.length);
            }
        }
        return copy;
    }

    /** Asserts the check refuses the file, as the given kind, with a message containing {@code why}. */
    static void assertRefused(ContentCheck check, byte[] file, RefusedFile.Kind kind, String why) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> check.check(file))
                .isInstanceOfSatisfying(RefusedFile.class, refusal -> {
                    org.assertj.core.api.Assertions.assertThat(refusal.kind()).isEqualTo(kind);
                    org.assertj.core.api.Assertions.assertThat(refusal.getMessage()).contains(why);
                });
    }

    /** Runs a check over a file fed in pieces of the given size, as a stream would deliver it. */
    static void checkInPieces(ContentCheck check, byte[] file, int piece) {
        for (int at = 0; at < file.length; at += piece) {
            check.update(file, at, Math.min(piece, file.length - at));
        }
        check.finish();
    }

    private static byte[] int32(int value) {
        return bytes(value >>> 24, value >>> 16 & 0xFF, value >>> 8 & 0xFF, value & 0xFF);
    }

    static byte[] le32(int value) {
        return bytes(value & 0xFF, value >>> 8 & 0xFF, value >>> 16 & 0xFF, value >>> 24);
    }

    private static BufferedImage image(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, new Color(x * 255 / width, y * 255 / height, random.nextInt(256)).getRGB());
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
