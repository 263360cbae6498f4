package com.dealbridge.shareddeal.notes;

/**
 * Why an uploaded file is refused, as found by a {@link ContentCheck}: either the bytes are not (only) the type the
 * file claims ({@link Kind#WRONG_TYPE}, answered 415) or they are that type but broken ({@link Kind#MALFORMED},
 * answered 422). The message is shown to the client.
 */
final class RefusedFile extends RuntimeException {

    enum Kind { WRONG_TYPE, MALFORMED }

    private final Kind kind;

    private RefusedFile(Kind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    /** The content is not the claimed type, or a type (executable, markup, macros) that is never accepted. */
    static RefusedFile wrongType(String detail) {
        return new RefusedFile(Kind.WRONG_TYPE, detail);
    }

    /** The content is the claimed type but does not keep to its format (truncated, bad checksum, trailing data). */
    static RefusedFile malformed(String detail) {
        return new RefusedFile(Kind.MALFORMED, detail);
    }

    Kind kind() {
        return kind;
    }
}
