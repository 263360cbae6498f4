package com.dealbridge.shareddeal.notes;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Tells a file's media type from its first bytes, so that a client cannot pass an executable off as an image by
 * setting a header. Knows the types attachments may have; anything else is unknown. Whether the rest of the file
 * keeps to that type is for {@link ContentCheck} and {@link OoxmlCheck}.
 */
final class ContentSniffer {

    /** How many leading bytes {@link #sniff} looks at. */
    static final int PREFIX = 512;

    private static final List<String> ZIP_BASED = List.of("application/zip",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    private static final List<String> TEXT = List.of("text/plain", "text/csv", "text/markdown");
    /** Mach-O, 32 and 64 bit, both byte orders, and universal ("fat") binaries. */
    private static final int[][] MACH_O = {{0xFE, 0xED, 0xFA, 0xCE}, {0xCE, 0xFA, 0xED, 0xFE},
        {0xFE, 0xED, 0xFA, 0xCF}, {0xCF, 0xFA, 0xED, 0xFE}, {0xCA, 0xFE, 0xBA, 0xBE}};

    private ContentSniffer() {
    }

    /**
     * The media types these bytes can be, most specific first; empty when unrecognised.
     *
     * @param prefix the file's first bytes (up to {@link #PREFIX})
     */
    static List<String> candidates(byte[] prefix) {
        if (executable(prefix) != null) {
            return List.of();
        }
        if (startsWith(prefix, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return List.of("image/png");
        }
        if (startsWith(prefix, 0xFF, 0xD8, 0xFF)) {
            return List.of("image/jpeg");
        }
        if (startsWith(prefix, 'G', 'I', 'F', '8')) {
            return List.of("image/gif");
        }
        if (startsWith(prefix, 'R', 'I', 'F', 'F') && prefix.length >= 12
                && Arrays.equals(Arrays.copyOfRange(prefix, 8, 12), "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            return List.of("image/webp");
        }
        if (startsWith(prefix, '%', 'P', 'D', 'F', '-')) {
            return List.of("application/pdf");
        }
        if (startsWith(prefix, 'P', 'K', 3, 4)) {
            return ZIP_BASED;
        }
        if (isText(prefix)) {
            return TEXT;
        }
        return List.of();
    }

    /**
     * The type to store: the declared one when the content can be it, else what the content is. Null when the
     * content is unrecognised or contradicts the declared type.
     */
    static String decide(String declared, byte[] prefix) {
        List<String> candidates = candidates(prefix);
        if (candidates.isEmpty()) {
            return null;
        }
        String wanted = declared == null ? "" : declared.split(";")[0].trim().toLowerCase();
        if (wanted.isEmpty() || wanted.equals("application/octet-stream")) {
            return candidates.get(0);
        }
        if (candidates.contains(wanted)) {
            return wanted;
        }
        // a text file declared as some other text type (e.g. text/x-log) is stored as plain text
        return wanted.startsWith("text/") && candidates == TEXT ? "text/plain" : null;
    }

    /**
     * What kind of executable these bytes start with (ELF, Mach-O, a Windows "MZ" executable, a "#!" script), or
     * null: such a file is refused whatever it claims to be.
     */
    static String executable(byte[] prefix) {
        if (startsWith(prefix, 0x7F, 'E', 'L', 'F')) {
            return "an ELF executable";
        }
        if (startsWith(prefix, 'M', 'Z')) {
            return "a Windows executable (MZ header)";
        }
        for (int[] magic : MACH_O) {
            if (startsWith(prefix, magic)) {
                return "a Mach-O executable";
            }
        }
        if (startsWith(prefix, '#', '!')) {
            return "a script (#!)";
        }
        return null;
    }

    private static boolean isText(byte[] prefix) {
        for (byte b : prefix) {
            int v = b & 0xFF;
            if (v == 0x7F || (v < 0x20 && v != '\n' && v != '\r' && v != '\t' && v != '\f')) {
                return false;
            }
        }
        // the prefix may cut a multi-byte character at its end: ignore up to 3 trailing bytes
        for (int cut = 0; cut <= Math.min(3, prefix.length); cut++) {
            if (validUtf8(prefix, prefix.length - cut)) {
                return true;
            }
        }
        return false;
    }

    private static boolean validUtf8(byte[] bytes, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
