package com.dealbridge.shareddeal.notes;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.ProblemException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files chosen in a note editor, attached through {@link AttachmentUploads} exactly as the API's upload does
 * (its size, type and content checks). A refusal is answered as a {@link FileRefusal} for the page to show next to
 * the file field, with the API's status (413, 415, 422). One copy for both sides' Shared tabs (the portal's and
 * the CRM workspace's), which show the refusal through the {@code shared/timeline :: files} fragment.
 */
public class NoteFiles {

    /** A file the page shows as refused: on the note editor ({@code noteId} null) or on a saved note's field. */
    public record FileRefusal(String noteId, String fileName, String kind, int status) {

        public static FileRefusal of(String noteId, String fileName, int status) {
            String kind = switch (status) {
                case 413 -> "tooLarge";
                case 415 -> "type";
                default -> "broken";
            };
            return new FileRefusal(noteId, fileName, kind, status);
        }
    }

    private final AttachmentUploads uploads;
    private final AttachmentProperties properties;

    public NoteFiles(AttachmentUploads uploads, AttachmentProperties properties) {
        this.uploads = uploads;
        this.properties = properties;
    }

    /** The files really chosen: a file input left empty still sends a part without a name or bytes. */
    public static List<MultipartFile> chosen(List<MultipartFile> parts) {
        return parts == null ? List.of() : parts.stream()
                .filter(part -> !(part.isEmpty() && (part.getOriginalFilename() == null
                        || part.getOriginalFilename().isBlank()))).toList();
    }

    /**
     * What can be refused before the note exists (its size, a declared type that is not allowed), so a new note is
     * not saved with a file the browser could have refused; the content itself is checked while attaching.
     */
    public Optional<FileRefusal> precheck(List<MultipartFile> files) {
        for (MultipartFile file : files) {
            if (file.getSize() > properties.maxSize().toBytes()) {
                return Optional.of(FileRefusal.of(null, file.getOriginalFilename(), 413));
            }
            String declared = file.getContentType() == null ? "" : file.getContentType().toLowerCase(Locale.ROOT);
            if (!declared.isBlank() && !declared.equals("application/octet-stream")
                    && !properties.allowedTypes().contains(declared.replaceAll(";.*", "").strip())) {
                return Optional.of(FileRefusal.of(null, file.getOriginalFilename(), 415));
            }
        }
        return Optional.empty();
    }

    /** Attaches the files in order; the first refused one stops the rest (the ones before it stay attached). */
    public Optional<FileRefusal> attach(Caller caller, String sharedDealId, String noteId, List<MultipartFile> files) {
        for (MultipartFile file : files) {
            try {
                uploads.upload(caller, sharedDealId, noteId, file);
            } catch (ProblemException refused) {
                if (refused.status() != 413 && refused.status() != 415 && refused.status() != 422) {
                    throw refused; // not about the file (the note is gone, the deal withdrawn): the page's refusal
                }
                return Optional.of(FileRefusal.of(noteId, file.getOriginalFilename(), refused.status()));
            }
        }
        return Optional.empty();
    }
}
