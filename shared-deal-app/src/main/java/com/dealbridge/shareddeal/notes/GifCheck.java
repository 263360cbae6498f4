package com.dealbridge.shareddeal.notes;

/**
 * A GIF, the whole file: header (GIF87a/GIF89a), logical screen descriptor and its colour table, then blocks:
 * extensions (0x21, label, data sub-blocks) and images (0x2C, descriptor, local colour table, LZW code size, data
 * sub-blocks), at least one image, ended by the trailer 0x3B as the last byte of the file.
 */
final class GifCheck implements ContentCheck {

    private static final int HEADER = 6;
    private static final int SCREEN_DESCRIPTOR = 7;
    private static final int IMAGE_DESCRIPTOR = 9;

    private enum State { HEADER, SCREEN, SKIP, BLOCK, EXTENSION_LABEL, IMAGE, LZW_SIZE, SUB_BLOCK_SIZE, END }

    private State state = State.HEADER;
    private final byte[] field = new byte[IMAGE_DESCRIPTOR];
    private int fieldBytes;
    private long remaining;
    /** Where {@link State#SKIP} goes when done. */
    private State afterSkip;
    private boolean seenImage;
    private long blockAt;
    private long position;

    @Override
    public void update(byte[] bytes, int offset, int length) {
        int at = offset;
        int end = offset + length;
        while (at < end) {
            if (state == State.SKIP) {
                int n = (int) Math.min(remaining, end - at);
                remaining -= n;
                at += n;
                position += n;
                if (remaining == 0) {
                    state = afterSkip;
                }
                continue;
            }
            accept(bytes[at++] & 0xFF);
            position++;
        }
    }

    private void accept(int b) {
        switch (state) {
            case HEADER -> {
                field[fieldBytes++] = (byte) b;
                if (fieldBytes == HEADER) {
                    String header = new String(field, 0, HEADER, java.nio.charset.StandardCharsets.ISO_8859_1);
                    if (!header.equals("GIF87a") && !header.equals("GIF89a")) {
                        throw RefusedFile.wrongType("not a GIF: the header is not GIF87a or GIF89a");
                    }
                    fieldBytes = 0;
                    state = State.SCREEN;
                }
            }
            case SCREEN -> {
                field[fieldBytes++] = (byte) b;
                if (fieldBytes == SCREEN_DESCRIPTOR) {
                    skipColourTable(field[4], State.BLOCK);
                }
            }
            case BLOCK -> {
                blockAt = position;
                switch (b) {
                    case 0x21 -> state = State.EXTENSION_LABEL;
                    case 0x2C -> {
                        fieldBytes = 0;
                        state = State.IMAGE;
                    }
                    case 0x3B -> {
                        if (!seenImage) {
                            throw malformed("the trailer at byte " + position + " comes before any image");
                        }
                        state = State.END;
                    }
                    default -> throw malformed("an unknown block 0x" + String.format("%02X", b) + " at byte "
                            + position);
                }
            }
            case EXTENSION_LABEL -> state = State.SUB_BLOCK_SIZE;
            case IMAGE -> {
                field[fieldBytes++] = (byte) b;
                if (fieldBytes == IMAGE_DESCRIPTOR) {
                    seenImage = true;
                    skipColourTable(field[8], State.LZW_SIZE);
                }
            }
            case LZW_SIZE -> {
                if (b < 1 || b > 11) {
                    throw malformed("the image at byte " + blockAt + " has an invalid LZW code size " + b);
                }
                state = State.SUB_BLOCK_SIZE;
            }
            case SUB_BLOCK_SIZE -> {
                if (b == 0) {
                    state = State.BLOCK;
                } else {
                    skip(b, State.SUB_BLOCK_SIZE);
                }
            }
            case END -> throw malformed("data after the trailer (0x3B), at byte " + position);
            default -> throw new IllegalStateException(state.name());
        }
    }

    /** A colour table follows when the packed field's top bit is set: 3 × 2^(size + 1) bytes. */
    private void skipColourTable(byte packed, State next) {
        if ((packed & 0x80) != 0) {
            skip(3L << ((packed & 0x07) + 1), next);
        } else {
            state = next;
        }
    }

    private void skip(long bytes, State next) {
        remaining = bytes;
        afterSkip = next;
        state = State.SKIP;
    }

    @Override
    public void finish() {
        if (state != State.END) {
            throw malformed("truncated, the file ends at byte " + position + " before the trailer (0x3B)");
        }
    }

    private static RefusedFile malformed(String what) {
        return RefusedFile.malformed("malformed GIF: " + what);
    }
}
