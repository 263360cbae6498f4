package com.dealbridge.sync.blob;

/** An upload was larger than allowed; nothing of it is kept. */
public class BlobTooLargeException extends RuntimeException {

    private final long limit;

    public BlobTooLargeException(long limit) {
        super("larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
