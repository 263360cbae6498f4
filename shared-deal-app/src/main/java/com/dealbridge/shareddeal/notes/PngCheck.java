package com.dealbridge.shareddeal.notes;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A PNG, the whole file: the signature, then chunks (length, type, data, CRC-32 over type and data) from IHDR first
 * to IEND, with at least one IDAT, every CRC right, and nothing after IEND (which is where a polyglot hides its
 * HTML or archive). Chunk data is not decoded; it only streams through the CRC.
 */
final class PngCheck implements ContentCheck {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final long MAX_CHUNK_LENGTH = 0x7FFF_FFFFL;

    private enum State { SIGNATURE, LENGTH, TYPE, DATA, CRC, END }

    private State state = State.SIGNATURE;
    /** Bytes of the current field read so far. */
    private int fieldBytes;
    private long field;
    private final byte[] type = new byte[4];
    private long chunkStart;
    private long chunkLength;
    private long remaining;
    private final CRC32 crc = new CRC32();
    private int chunks;
    private boolean seenIdat;
    private long position;

    @Override
    public void update(byte[] bytes, int offset, int length) {
        int at = offset;
        int end = offset + length;
        while (at < end) {
            if (state == State.DATA) {
                int n = (int) Math.min(remaining, end - at);
                crc.update(bytes, at, n);
                remaining -= n;
                at += n;
                position += n;
                if (remaining == 0) {
                    startField(State.CRC);
                }
                continue;
            }
            accept(bytes[at++] & 0xFF);
            position++;
        }
    }

    private void accept(int b) {
        switch (state) {
            case SIGNATURE -> {
                if (b != (SIGNATURE[fieldBytes] & 0xFF)) {
                    throw RefusedFile.wrongType("not a PNG: the signature is wrong at byte " + position);
                }
                if (++fieldBytes == SIGNATURE.length) {
                    startField(State.LENGTH);
                }
            }
            case LENGTH -> {
                if (readField(b)) {
                    chunkStart = position - 3;
                    chunkLength = field;
                    if (chunkLength > MAX_CHUNK_LENGTH) {
                        throw RefusedFile.malformed("malformed PNG: the chunk at byte " + chunkStart
                                + " claims " + chunkLength + " bytes");
                    }
                    crc.reset();
                    startField(State.TYPE);
                }
            }
            case TYPE -> {
                type[fieldBytes] = (byte) b;
                crc.update(b);
                if (++fieldBytes == 4) {
                    startChunk();
                }
            }
            case CRC -> {
                if (readField(b)) {
                    if (field != crc.getValue()) {
                        throw RefusedFile.malformed("malformed PNG: chunk " + typeName() + " at byte " + chunkStart
                                + " has a wrong CRC");
                    }
                    chunks++;
                    startField(isType("IEND") ? State.END : State.LENGTH);
                }
            }
            case END -> throw RefusedFile.malformed("malformed PNG: data after the IEND chunk, at byte " + position);
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void startChunk() {
        for (byte letter : type) {
            if (!(letter >= 'A' && letter <= 'Z' || letter >= 'a' && letter <= 'z')) {
                throw RefusedFile.malformed("malformed PNG: the chunk at byte " + chunkStart
                        + " has an invalid type");
            }
        }
        if (chunks == 0 && !(isType("IHDR") && chunkLength == 13)) {
            throw RefusedFile.malformed("malformed PNG: the first chunk is " + typeName() + ", not a 13-byte IHDR");
        }
        if (chunks > 0 && isType("IHDR")) {
            throw RefusedFile.malformed("malformed PNG: a second IHDR chunk at byte " + chunkStart);
        }
        if (isType("IDAT")) {
            seenIdat = true;
        }
        if (isType("IEND")) {
            if (!seenIdat) {
                throw RefusedFile.malformed("malformed PNG: IEND before any IDAT (no image data)");
            }
            if (chunkLength != 0) {
                throw RefusedFile.malformed("malformed PNG: the IEND chunk is not empty");
            }
        }
        remaining = chunkLength;
        if (remaining == 0) {
            startField(State.CRC);
        } else {
            state = State.DATA;
        }
    }

    @Override
    public void finish() {
        if (state != State.END) {
            throw RefusedFile.malformed("malformed PNG: truncated, the file ends at byte " + position
                    + " before the IEND chunk");
        }
    }

    private void startField(State next) {
        state = next;
        fieldBytes = 0;
        field = 0;
    }

    /** Adds a byte to a 4-byte big-endian field: true when it is complete. */
    private boolean readField(int b) {
        field = field << 8 | b;
        return ++fieldBytes == 4;
    }

    private boolean isType(String name) {
        return name.equals(typeName());
    }

    private String typeName() {
        return new String(type, StandardCharsets.ISO_8859_1);
    }
}
