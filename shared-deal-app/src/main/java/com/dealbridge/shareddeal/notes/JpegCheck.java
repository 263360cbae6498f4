package com.dealbridge.shareddeal.notes;

/**
 * A JPEG, the whole file: SOI, marker segments whose lengths add up, a frame header (SOFn) before the first scan
 * (SOS), entropy-coded data (stuffed 0xFF00 and RSTn markers) up to the next marker, and EOI. After EOI only
 * padding (0x00/0xFF) may follow, or a further complete JPEG (cameras append preview images that way, CIPA MPF);
 * anything else after the image, such as HTML or an archive, is refused.
 */
final class JpegCheck implements ContentCheck {

    private enum State { SOI_FF, SOI_D8, MARKER_FF, MARKER, LENGTH_HIGH, LENGTH_LOW, SEGMENT, ENTROPY, ENTROPY_FF,
        AFTER_EOI, AFTER_EOI_FF }

    private State state = State.SOI_FF;
    private int marker;
    private long markerAt;
    private int length;
    private long remaining;
    private boolean seenFrame;
    private boolean seenScan;
    private long position;

    @Override
    public void update(byte[] bytes, int offset, int len) {
        int at = offset;
        int end = offset + len;
        while (at < end) {
            if (state == State.SEGMENT) {
                int n = (int) Math.min(remaining, end - at);
                remaining -= n;
                at += n;
                position += n;
                if (remaining == 0) {
                    segmentDone();
                }
                continue;
            }
            if (state == State.ENTROPY) {
                while (at < end && bytes[at] != (byte) 0xFF) {
                    at++;
                    position++;
                }
                if (at == end) {
                    continue;
                }
            }
            accept(bytes[at++] & 0xFF);
            position++;
        }
    }

    private void accept(int b) {
        switch (state) {
            case SOI_FF, SOI_D8 -> {
                int expected = state == State.SOI_FF ? 0xFF : 0xD8;
                if (b != expected) {
                    throw RefusedFile.wrongType("not a JPEG: no start-of-image marker (SOI)");
                }
                state = state == State.SOI_FF ? State.SOI_D8 : State.MARKER_FF;
            }
            case MARKER_FF -> {
                if (b != 0xFF) {
                    throw malformed("expected a marker at byte " + position + ", found 0x" + hex(b));
                }
                markerAt = position;
                state = State.MARKER;
            }
            case MARKER -> {
                if (b != 0xFF) { // 0xFF is fill before the marker code
                    marker(b);
                }
            }
            case LENGTH_HIGH -> {
                length = b << 8;
                state = State.LENGTH_LOW;
            }
            case LENGTH_LOW -> {
                length |= b;
                if (length < 2) {
                    throw malformed("the segment 0x" + hex(marker) + " at byte " + markerAt
                            + " has an impossible length " + length);
                }
                remaining = length - 2;
                if (remaining == 0) {
                    segmentDone();
                } else {
                    state = State.SEGMENT;
                }
            }
            case ENTROPY -> state = State.ENTROPY_FF; // only reached on 0xFF
            case ENTROPY_FF -> {
                if (b == 0x00 || b >= 0xD0 && b <= 0xD7) {
                    state = State.ENTROPY; // a stuffed 0xFF data byte, or a restart marker
                } else if (b != 0xFF) {
                    markerAt = position - 1;
                    marker(b);
                }
            }
            case AFTER_EOI -> {
                if (b == 0xFF) {
                    state = State.AFTER_EOI_FF;
                } else if (b != 0x00) {
                    throw afterEnd();
                }
            }
            case AFTER_EOI_FF -> {
                if (b == 0xD8) { // another image follows
                    seenFrame = false;
                    seenScan = false;
                    state = State.MARKER_FF;
                } else if (b == 0x00) {
                    state = State.AFTER_EOI;
                } else if (b != 0xFF) {
                    throw afterEnd();
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void marker(int code) {
        marker = code;
        if (code == 0xD9) { // EOI
            if (!seenScan) {
                throw malformed("the end-of-image marker at byte " + markerAt + " comes before any image data");
            }
            state = State.AFTER_EOI;
        } else if (code == 0xD8) {
            throw malformed("a second start-of-image marker at byte " + markerAt);
        } else if (code == 0x00) {
            throw malformed("an invalid marker 0xFF00 at byte " + markerAt);
        } else if (code == 0x01 || code >= 0xD0 && code <= 0xD7) {
            state = State.MARKER_FF; // standalone markers carry no length
        } else {
            if (code == 0xDA && !seenFrame) {
                throw malformed("a scan at byte " + markerAt + " before any frame header (SOF)");
            }
            if (code >= 0xC0 && code <= 0xCF && code != 0xC4 && code != 0xC8 && code != 0xCC) {
                seenFrame = true;
            }
            state = State.LENGTH_HIGH;
        }
    }

    private void segmentDone() {
        if (marker == 0xDA) {
            seenScan = true;
            state = State.ENTROPY;
        } else {
            state = State.MARKER_FF;
        }
    }

    @Override
    public void finish() {
        if (state != State.AFTER_EOI && state != State.AFTER_EOI_FF) {
            throw malformed("truncated, the file ends at byte " + position + " before the end-of-image marker"
                    + " (EOI)");
        }
    }

    private RefusedFile afterEnd() {
        return malformed("data after the end of the image (EOI), at byte " + (position - (state == State.AFTER_EOI_FF
                ? 1 : 0)));
    }

    private static RefusedFile malformed(String what) {
        return RefusedFile.malformed("malformed JPEG: " + what);
    }

    private static String hex(int b) {
        return String.format("%02X", b);
    }
}
