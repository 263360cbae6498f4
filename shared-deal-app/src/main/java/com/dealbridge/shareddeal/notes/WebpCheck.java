package com.dealbridge.shareddeal.notes;

import java.nio.charset.StandardCharsets;

/**
 * A WebP, the whole file: the RIFF header ("RIFF", size, "WEBP") whose size is exactly the rest of the file, and
 * chunks (FourCC, little-endian size, data padded to an even length) that fill it exactly, the first being VP8,
 * VP8L or VP8X. Nothing may follow the RIFF container.
 */
final class WebpCheck implements ContentCheck {

    private static final int HEADER = 12;

    private enum State { HEADER, CHUNK_HEADER, DATA, END }

    private State state = State.HEADER;
    private final byte[] field = new byte[HEADER];
    private int fieldBytes;
    /** Where the RIFF container ends: its size field plus the 8 bytes of "RIFF" and the size. */
    private long riffEnd;
    private long remaining;
    private long chunkAt;
    private int chunks;
    private long position;

    @Override
    public void update(byte[] bytes, int offset, int length) {
        int at = offset;
        int end = offset + length;
        while (at < end) {
            if (state == State.DATA) {
                int n = (int) Math.min(remaining, end - at);
                remaining -= n;
                at += n;
                position += n;
                if (remaining == 0) {
                    chunkDone();
                }
                continue;
            }
            if (state == State.END) {
                throw malformed("data after the RIFF container (which ends at byte " + riffEnd + ")");
            }
            field[fieldBytes++] = bytes[at++];
            position++;
            if (state == State.HEADER && fieldBytes == HEADER) {
                header();
            } else if (state == State.CHUNK_HEADER && fieldBytes == 8) {
                chunkHeader();
            }
        }
    }

    private void header() {
        if (!ascii(0).equals("RIFF") || !ascii(8).equals("WEBP")) {
            throw RefusedFile.wrongType("not a WebP: no RIFF/WEBP header");
        }
        riffEnd = 8 + littleEndian(4);
        if (riffEnd < HEADER + 8) {
            throw malformed("the RIFF size " + (riffEnd - 8) + " leaves no room for an image");
        }
        startChunk();
    }

    private void chunkHeader() {
        String fourCc = ascii(0);
        if (chunks == 0 && !fourCc.equals("VP8 ") && !fourCc.equals("VP8L") && !fourCc.equals("VP8X")) {
            throw malformed("the first chunk is '" + fourCc.strip() + "', not VP8, VP8L or VP8X");
        }
        long size = littleEndian(4);
        remaining = size + (size & 1);
        if (chunkAt + 8 + remaining > riffEnd) {
            throw malformed("the chunk '" + fourCc.strip() + "' at byte " + chunkAt + " (" + size + " bytes) runs"
                    + " past the RIFF size (" + (riffEnd - 8) + ")");
        }
        chunks++;
        if (remaining == 0) {
            chunkDone();
        } else {
            state = State.DATA;
        }
    }

    private void chunkDone() {
        if (position == riffEnd) {
            state = State.END;
        } else {
            startChunk();
        }
    }

    private void startChunk() {
        chunkAt = position;
        fieldBytes = 0;
        state = State.CHUNK_HEADER;
        if (riffEnd - position < 8) {
            throw malformed("the RIFF size leaves " + (riffEnd - position) + " bytes at byte " + position
                    + ", too few for a chunk");
        }
    }

    @Override
    public void finish() {
        if (state == State.HEADER) {
            throw malformed("truncated, the file ends inside the RIFF header");
        }
        if (state != State.END) {
            throw malformed("truncated, the RIFF size says " + riffEnd + " bytes but the file has " + position);
        }
    }

    private String ascii(int from) {
        return new String(field, from, 4, StandardCharsets.ISO_8859_1);
    }

    private long littleEndian(int from) {
        return (field[from] & 0xFFL) | (field[from + 1] & 0xFFL) << 8 | (field[from + 2] & 0xFFL) << 16
                | (field[from + 3] & 0xFFL) << 24;
    }

    private static RefusedFile malformed(String what) {
        return RefusedFile.malformed("malformed WebP: " + what);
    }
}
