package com.dealbridge.shareddeal.notes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A ZIP-based upload, read once as a stream ({@link ZipInputStream}: every entry inflated and its CRC checked, none
 * kept but {@code [Content_Types].xml}). Any ZIP must be well-formed, hold at most {@link #maxEntries} entries, no
 * two of the same name, and inflate to at most {@link #maxUncompressedBytes} in all (a ZIP bomb is refused while it
 * inflates). An Office Open XML type (docx, xlsx, pptx) must also have {@code [Content_Types].xml} and the part that
 * makes it that kind ({@code word/document.xml}, {@code xl/workbook.xml}, {@code ppt/presentation.xml}) with that
 * kind's main content type, and no macros: no macro-enabled content type ({@code vnd.ms-word.document.macroEnabled}
 * and the like), no VBA project and no Excel 4 macro sheet.
 */
final class OoxmlCheck {

    static final int MAX_ENTRIES = 5_000;
    static final long MAX_UNCOMPRESSED_BYTES = 256L * 1024 * 1024;
    static final int MAX_CONTENT_TYPES_BYTES = 1024 * 1024;
    static final String CONTENT_TYPES = "[Content_Types].xml";
    /** The end of the archive kept to check its central directory: room for {@link #MAX_ENTRIES} entries. */
    static final int MAX_TAIL_BYTES = 1024 * 1024;

    /** What makes a package a document, a workbook or a presentation. */
    record Kind(String mediaType, String label, String mainPart, String mainContentType) {
    }

    static final Map<String, Kind> KINDS = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document (docx)",
                    "word/document.xml",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook (xlsx)",
                    "xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            new Kind("application/vnd.openxmlformats-officedocument.presentationml.presentation",
                    "PowerPoint presentation (pptx)", "ppt/presentation.xml",
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"));

    private final int maxEntries;
    private final long maxUncompressedBytes;

    OoxmlCheck() {
        this(MAX_ENTRIES, MAX_UNCOMPRESSED_BYTES);
    }

    OoxmlCheck(int maxEntries, long maxUncompressedBytes) {
        this.maxEntries = maxEntries;
        this.maxUncompressedBytes = maxUncompressedBytes;
    }

    /** Whether uploads of this type are checked here. */
    static boolean checks(String type) {
        return KINDS.containsKey(type) || type.equals("application/zip");
    }

    /**
     * Reads the whole archive from {@code in} (which the caller closes).
     *
     * @param type an OOXML media type, or {@code application/zip} for the archive checks only
     * @throws RefusedFile when the archive or the document is not acceptable
     */
    void check(InputStream in, String type) {
        Kind kind = KINDS.get(type);
        byte[] contentTypes = null;
        Set<String> names = new HashSet<>();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        Tail tail = new Tail(in, MAX_TAIL_BYTES);
        try (ZipInputStream zip = new ZipInputStream(tail)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (names.size() == maxEntries) {
                    throw malformed("it has more than " + maxEntries + " entries");
                }
                String name = entry.getName();
                if (!names.add(name)) {
                    throw malformed("the entry '" + name + "' appears twice");
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith("vbaproject.bin") || lower.endsWith("vbadata.xml")) {
                    throw RefusedFile.wrongType("the file contains VBA macros ('" + name + "'); macro-enabled"
                            + " documents cannot be attached");
                }
                boolean keep = kind != null && name.equals(CONTENT_TYPES);
                ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
                for (int n; (n = zip.read(buffer)) != -1; ) {
                    total += n;
                    if (total > maxUncompressedBytes) {
                        throw malformed("it inflates to more than " + maxUncompressedBytes + " bytes (a ZIP bomb?)");
                    }
                    if (keep) {
                        if (kept.size() + n > MAX_CONTENT_TYPES_BYTES) {
                            throw malformed(CONTENT_TYPES + " is larger than " + MAX_CONTENT_TYPES_BYTES + " bytes");
                        }
                        kept.write(buffer, 0, n);
                    }
                }
                if (keep) {
                    contentTypes = kept.toByteArray();
                }
            }
            // the central directory and its end record, which the entries above did not read
            tail.transferTo(OutputStream.nullOutputStream());
        } catch (EOFException e) {
            throw malformed("the archive is truncated");
        } catch (ZipException e) {
            throw malformed("it is not a valid ZIP archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the stored upload", e);
        } catch (IllegalArgumentException e) {
            // ZipInputStream's refusal of an entry name that is not valid in its encoding
            throw malformed("it is not a valid ZIP archive (" + e.getMessage() + ")");
        }
        if (names.isEmpty()) {
            throw malformed("the archive has no entries");
        }
        CentralDirectory.check(tail, names);
        if (kind != null) {
            checkPackage(kind, names, contentTypes);
        }
    }

    private static void checkPackage(Kind kind, Set<String> names, byte[] contentTypes) {
        if (contentTypes == null) {
            throw RefusedFile.wrongType("not a " + kind.label() + ": the archive has no " + CONTENT_TYPES
                    + ", so it is not an Office Open XML document");
        }
        ContentTypes types = ContentTypes.parse(contentTypes);
        for (String contentType : types.all()) {
            String lower = contentType.toLowerCase(Locale.ROOT);
            if (lower.contains("macroenabled") || lower.contains("vbaproject") || lower.contains("macrosheet")) {
                throw RefusedFile.wrongType("the file declares the macro-enabled content type " + contentType
                        + "; macro-enabled documents cannot be attached");
            }
        }
        if (!names.contains(kind.mainPart())) {
            String actually = KINDS.values().stream().filter(other -> names.contains(other.mainPart()))
                    .map(other -> ", it looks like a " + other.label()).findFirst().orElse("");
            throw RefusedFile.wrongType("not a " + kind.label() + ": the archive has no " + kind.mainPart()
                    + actually);
        }
        String mainType = types.of(kind.mainPart());
        if (!kind.mainContentType().equals(mainType)) {
            throw RefusedFile.wrongType("not a " + kind.label() + ": " + CONTENT_TYPES + " gives " + kind.mainPart()
                    + " the type " + (mainType == null ? "(none)" : mainType) + " instead of "
                    + kind.mainContentType());
        }
    }

    private static RefusedFile malformed(String what) {
        return RefusedFile.malformed("malformed archive: " + what);
    }

    /** The {@code Default} (by extension) and {@code Override} (by part name) entries of {@code [Content_Types].xml}. */
    record ContentTypes(Map<String, String> defaults, Map<String, String> overrides) {

        static ContentTypes parse(byte[] xml) {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
            Map<String, String> defaults = new HashMap<>();
            Map<String, String> overrides = new HashMap<>();
            try {
                XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
                try {
                    while (reader.hasNext()) {
                        if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                            continue;
                        }
                        String contentType = reader.getAttributeValue(null, "ContentType");
                        if ("Default".equals(reader.getLocalName()) && contentType != null) {
                            String extension = reader.getAttributeValue(null, "Extension");
                            defaults.put(extension == null ? "" : extension.toLowerCase(Locale.ROOT),
                                    contentType.trim());
                        } else if ("Override".equals(reader.getLocalName()) && contentType != null) {
                            String part = reader.getAttributeValue(null, "PartName");
                            overrides.put(part == null ? "" : part.toLowerCase(Locale.ROOT), contentType.trim());
                        }
                    }
                } finally {
                    reader.close();
                }
            } catch (XMLStreamException e) {
                throw RefusedFile.malformed("malformed document: " + CONTENT_TYPES + " is not well-formed XML");
            }
            return new ContentTypes(defaults, overrides);
        }

        Set<String> all() {
            Set<String> all = new HashSet<>(defaults.values());
            all.addAll(overrides.values());
            return all;
        }

        /** The content type of a part ("word/document.xml"): its Override, else the Default of its extension. */
        String of(String part) {
            String override = overrides.get("/" + part.toLowerCase(Locale.ROOT));
            if (override != null) {
                return override;
            }
            int dot = part.lastIndexOf('.');
            return defaults.get(dot < 0 ? "" : part.substring(dot + 1).toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The central directory, which is what Office reads (the entries above are the local headers, which is what a
     * stream reads): it must end the file exactly (end record, optional comment, nothing appended), start where the
     * entries end, and list exactly the entries read, so that nothing (a macro project, say) hides in one view of
     * the archive only.
     */
    static final class CentralDirectory {

        private static final int END = 0x06054b50;
        private static final int ZIP64_END = 0x06064b50;
        private static final int ZIP64_LOCATOR = 0x07064b50;
        private static final int ENTRY = 0x02014b50;
        private static final int END_LENGTH = 22;

        private CentralDirectory() {
        }

        static void check(Tail tail, Set<String> names) {
            byte[] bytes = tail.bytes();
            long base = tail.count() - bytes.length; // file offset of bytes[0]
            int end = -1;
            for (int at = bytes.length - END_LENGTH; at >= Math.max(0, bytes.length - END_LENGTH - 0xFFFF); at--) {
                if (int32(bytes, at) == END && at + END_LENGTH + uint16(bytes, at + 20) == bytes.length) {
                    end = at;
                    break;
                }
            }
            if (end < 0) {
                throw malformed("it does not end with a ZIP end-of-central-directory record (truncated, or data"
                        + " appended)");
            }
            long entries = uint16(bytes, end + 10);
            long size = uint32(bytes, end + 12);
            long offset = uint32(bytes, end + 16);
            long directoryEnd = base + end;
            if (entries == 0xFFFF || size == 0xFFFF_FFFFL || offset == 0xFFFF_FFFFL) {
                int locator = end - 20;
                if (locator < 0 || int32(bytes, locator) != ZIP64_LOCATOR) {
                    throw malformed("its end-of-central-directory record is incomplete");
                }
                long record = int64(bytes, locator + 8) - base;
                if (record < 0 || record + 56 > locator || int32(bytes, (int) record) != ZIP64_END) {
                    throw malformed("its ZIP64 end-of-central-directory record is missing");
                }
                entries = int64(bytes, (int) record + 32);
                size = int64(bytes, (int) record + 40);
                offset = int64(bytes, (int) record + 48);
                directoryEnd = base + record;
            }
            if (offset + size != directoryEnd) {
                throw malformed("its central directory is not where its end record says");
            }
            if (offset < base) {
                throw malformed("its central directory is larger than " + MAX_TAIL_BYTES + " bytes");
            }
            if (entries != names.size()) {
                throw malformed("its central directory lists " + entries + " entries, its local headers "
                        + names.size());
            }
            Set<String> listed = new HashSet<>();
            int at = (int) (offset - base);
            for (long i = 0; i < entries; i++) {
                if (at + 46 > bytes.length || int32(bytes, at) != ENTRY) {
                    throw malformed("its central directory is damaged");
                }
                int nameLength = uint16(bytes, at + 28);
                int next = at + 46 + nameLength + uint16(bytes, at + 30) + uint16(bytes, at + 32);
                if (next > offset - base + size) {
                    throw malformed("its central directory is damaged");
                }
                listed.add(new String(bytes, at + 46, nameLength, StandardCharsets.UTF_8));
                at = next;
            }
            if (!listed.equals(names)) {
                Set<String> hidden = new HashSet<>(listed);
                hidden.removeAll(names);
                throw malformed("its central directory and its local headers list different entries"
                        + (hidden.isEmpty() ? "" : " (only in the directory: " + hidden.iterator().next() + ")"));
            }
        }

        private static int uint16(byte[] b, int at) {
            return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
        }

        private static long uint32(byte[] b, int at) {
            return uint16(b, at) | (long) uint16(b, at + 2) << 16;
        }

        private static int int32(byte[] b, int at) {
            return (int) uint32(b, at);
        }

        private static long int64(byte[] b, int at) {
            return uint32(b, at) | uint32(b, at + 4) << 32;
        }
    }

    /** Passes a stream through, counting its bytes and keeping the last {@code capacity} of them. */
    static final class Tail extends FilterInputStream {

        private final byte[] ring;
        private long count;

        Tail(InputStream in, int capacity) {
            super(in);
            this.ring = new byte[capacity];
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                ring[(int) (count++ % ring.length)] = (byte) b;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            for (int i = 0; i < n; i++) {
                ring[(int) (count++ % ring.length)] = b[off + i];
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            int skipped = read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
            return Math.max(skipped, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        long count() {
            return count;
        }

        /** The last bytes read, oldest first. */
        byte[] bytes() {
            int kept = (int) Math.min(count, ring.length);
            byte[] bytes = new byte[kept];
            for (int i = 0; i < kept; i++) {
                bytes[i] = ring[(int) ((count - kept + i) % ring.length)];
            }
            return bytes;
        }
    }
}
