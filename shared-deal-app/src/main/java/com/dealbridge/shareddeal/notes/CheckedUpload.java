package com.dealbridge.shareddeal.notes;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An upload on its way into the store, shown to a {@link ContentCheck} as it passes: the check sees every byte
 * the store reads, in the same pass, and the end of the file before the store does, so a refusal
 * ({@link RefusedFile}, thrown from {@code read}) reaches the store while it is still writing and it keeps nothing.
 */
final class CheckedUpload extends FilterInputStream {

    private final ContentCheck check;
    private boolean finished;

    CheckedUpload(InputStream in, ContentCheck check) {
        super(in);
        this.check = check;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            check.update(b, off, n);
        } else if (n < 0 && !finished) {
            finished = true;
            check.finish();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // every byte must pass the check: skipping reads
        int skipped = read(new byte[(int) Math.min(Math.max(n, 0), 8192)]);
        return Math.max(skipped, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }
}
