package com.dealbridge.shareddeal.notes;

import java.text.Normalizer;

/** Makes an uploaded file's name safe to store, show and send back in a header. */
final class FileNames {

    static final int MAX_LENGTH = 200;
    static final String FALLBACK = "attachment";

    private FileNames() {
    }

    /**
     * Keeps only the last path segment, drops control and format characters, replaces characters that mean something
     * in paths, headers or shells, and trims dots and spaces at the ends (no hidden files, no "..").
     */
    static String sanitise(String original) {
        if (original == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "");
        name = name.replaceAll("[\"';:*?<>|%$`]", "_");
        name = name.replaceAll("\\s+", " ").replaceAll("^[ .]+|[ .]+$", "");
        if (name.length() > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            int cut = MAX_LENGTH - extension.length();
            if (Character.isHighSurrogate(name.charAt(cut - 1))) {
                cut--;
            }
            name = name.substring(0, cut) + extension;
        }
        return name.isEmpty() ? FALLBACK : name;
    }
}
