package com.dealbridge.shareddeal.notes;

/**
 * Checks a whole file against its format while its bytes stream past, in order and only once, keeping no more than
 * a few bytes of state: {@link #update} for each run of bytes, {@link #finish} at the end of the file. Either
 * throws {@link RefusedFile} as soon as it knows the file is not acceptable. One instance checks one file.
 */
interface ContentCheck {

    void update(byte[] bytes, int offset, int length);

    /** The file ended: refuses it when it stopped before its format says it may. */
    void finish();

    /** Feeds a whole file (tests, small inputs). */
    default void check(byte[] file) {
        update(file, 0, file.length);
        finish();
    }

    /** Accepts anything: for types whose content is checked otherwise (ZIP-based types, see {@link OoxmlCheck}). */
    ContentCheck NONE = new ContentCheck() {
        @Override
        public void update(byte[] bytes, int offset, int length) {
        }

        @Override
        public void finish() {
        }
    };

    /** The check for a media type the sniffer decided on; {@link #NONE} when the type has no streaming check. */
    static ContentCheck forType(String type) {
        return switch (type) {
            case "image/png" -> new PngCheck();
            case "image/jpeg" -> new JpegCheck();
            case "image/gif" -> new GifCheck();
            case "image/webp" -> new WebpCheck();
            case "application/pdf" -> new PdfCheck();
            default -> type.startsWith("text/") ? new TextCheck() : NONE;
        };
    }
}
