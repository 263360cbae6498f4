package com.dealbridge.shareddeal.notes;

import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.shareddeal.domain.Limits;
import java.text.Normalizer;

/** Makes an uploaded file's name safe to store, show and send back in a header, and keeps it to the limit. */
final class FileNames {

    /** What the domain accepts, here and from the other side ({@link Limits#FILE_NAME_CHARS}). */
    static final int MAX_LENGTH = Limits.FILE_NAME_CHARS;
    static final String FIELD = "fileName";
    static final String FALLBACK = "attachment";

    private FileNames() {
    }

    /**
     * Keeps only the last path segment, drops control and format characters, replaces characters that mean something
     * in paths, headers or shells, and trims dots and spaces at the ends (no hidden files, no "..").
     *
     * @throws UnprocessableException (422, field {@value #FIELD}) when what is left is longer than
     *                                {@link #MAX_LENGTH} characters: a name is refused rather than cut, so that what
     *                                is stored is what the user chose
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
            throw UnprocessableException.of(FIELD, "the file name must be at most " + MAX_LENGTH
                    + " characters long, this one has " + name.length() + "; rename the file and upload it again");
        }
        return name.isEmpty() ? FALLBACK : name;
    }
}
