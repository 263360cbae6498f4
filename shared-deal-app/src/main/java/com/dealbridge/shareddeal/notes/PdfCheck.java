package com.dealbridge.shareddeal.notes;

import java.nio.charset.StandardCharsets;

/**
 * A PDF, as far as it can be checked without parsing it: a {@code %PDF-x.y} header at the start and an end-of-file
 * marker {@code %%EOF} within the last {@value #TAIL} bytes, followed by nothing but white space. A truncated
 * upload, or one with something appended after the document, is refused. Keeps only the file's last
 * {@value #TAIL} bytes.
 */
final class PdfCheck implements ContentCheck {

    /** Readers look for {@code %%EOF} this far from the end (PDF 1.7, Implementation Note 18). */
    static final int TAIL = 1024;
    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = HEADER.length + 3; // "%PDF-1.7"

    private final byte[] head = new byte[VERSION];
    /** The last {@link #TAIL} bytes, as a ring. */
    private final byte[] tail = new byte[TAIL];
    private long position;

    @Override
    public void update(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length && position + i - offset < VERSION; i++) {
            head[(int) (position + i - offset)] = bytes[i];
        }
        if (position < VERSION && position + length >= VERSION) {
            checkHeader();
        }
        int from = Math.max(offset, offset + length - TAIL);
        long at = position + (from - offset);
        for (int i = from; i < offset + length; i++, at++) {
            tail[(int) (at % TAIL)] = bytes[i];
        }
        position += length;
    }

    private void checkHeader() {
        for (int i = 0; i < HEADER.length; i++) {
            if (head[i] != HEADER[i]) {
                throw RefusedFile.wrongType("not a PDF: no %PDF- header");
            }
        }
        if (!isDigit(head[5]) || head[6] != '.' || !isDigit(head[7])) {
            throw RefusedFile.malformed("malformed PDF: the header has no version (%PDF-1.x)");
        }
    }

    @Override
    public void finish() {
        if (position < VERSION) {
            throw RefusedFile.malformed("malformed PDF: truncated, only " + position + " bytes");
        }
        int kept = (int) Math.min(position, TAIL);
        byte[] last = new byte[kept];
        for (int i = 0; i < kept; i++) {
            last[i] = tail[(int) ((position - kept + i) % TAIL)];
        }
        int end = kept;
        while (end > 0 && isWhiteSpace(last[end - 1])) {
            end--;
        }
        int marker = end - EOF_MARKER.length;
        if (marker >= 0 && matches(last, marker)) {
            return;
        }
        for (int i = kept - EOF_MARKER.length; i >= 0; i--) {
            if (matches(last, i)) {
                throw RefusedFile.malformed("malformed PDF: data after the end-of-file marker (%%EOF), at byte "
                        + (position - kept + i + EOF_MARKER.length));
            }
        }
        throw RefusedFile.malformed("malformed PDF: no end-of-file marker (%%EOF) in the last " + TAIL
                + " bytes; the file is truncated");
    }

    private static boolean matches(byte[] bytes, int at) {
        for (int i = 0; i < EOF_MARKER.length; i++) {
            if (bytes[at + i] != EOF_MARKER[i]) {
                return false;
            }
        }
        return true;
    }

    /** PDF white space: NUL, tab, line feed, form feed, carriage return and space. */
    private static boolean isWhiteSpace(byte b) {
        return b == 0 || b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == ' ';
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
