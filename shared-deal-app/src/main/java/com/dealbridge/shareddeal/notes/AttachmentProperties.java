package com.dealbridge.shareddeal.notes;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Attachment limits ({@code dealbridge.sync.attachments.*}).
 *
 * @param maxSize      largest file accepted (default 20MB); larger uploads answer 413. Keep
 *                     {@code spring.servlet.multipart.max-file-size} a little above it
 * @param allowedTypes media types accepted (default: PNG, JPEG, GIF, WebP, PDF, plain text, CSV, Word, Excel,
 *                     PowerPoint); others answer 415. The type is checked against the file's content, not only the
 *                     header the client sent
 */
@ConfigurationProperties("dealbridge.sync.attachments")
public record AttachmentProperties(DataSize maxSize, List<String> allowedTypes) {

    static final List<String> DEFAULT_TYPES = List.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "application/pdf", "text/plain", "text/csv",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");

    public AttachmentProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(20) : maxSize;
        allowedTypes = allowedTypes == null || allowedTypes.isEmpty() ? DEFAULT_TYPES
                : allowedTypes.stream().map(String::trim).map(String::toLowerCase).toList();
    }

    public static AttachmentProperties defaults() {
        return new AttachmentProperties(null, null);
    }
}
