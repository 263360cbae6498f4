package com.dealbridge.shareddeal.notes;

import java.util.Set;

/**
 * Plain text (and CSV), the whole file: well-formed UTF-8 (the only text encoding attachments accept; a BOM is
 * fine), no control characters but tab, line feed, form feed and carriage return, no executable inside (an ELF
 * header, or a Windows "MZ" header, which always continues in binary) and no HTML or script markup anywhere: an
 * HTML tag that makes a browser run or load something ({@code <script}, {@code <html}, {@code <iframe},
 * {@code <svg}, ... followed by a space, {@code /} or {@code >}), {@code <!doctype html}, or a
 * {@code javascript:} or {@code vbscript:} URL (the scheme followed directly by something other than white space,
 * so that prose such as "JavaScript: 5 years" stays text). Every refusal is {@link RefusedFile#wrongType}: such a
 * file is not plain text.
 */
final class TextCheck implements ContentCheck {

    /** Tags that run script or load content when the text is rendered as HTML. */
    static final Set<String> TAGS = Set.of("script", "html", "head", "body", "iframe", "frame", "frameset",
            "object", "embed", "applet", "svg", "style");
    static final Set<String> SCHEMES = Set.of("javascript", "vbscript");
    /** The longest tag, doctype or scheme name looked for ("javascript"). */
    private static final int MAX_NAME = 10;
    private static final byte[] ELF = {'E', 'L', 'F'};

    private enum Markup { TEXT, TAG_NAME, DOCTYPE_SPACE, DOCTYPE_NAME }

    // UTF-8: how many continuation bytes are still due, and the range the next one must be in
    private int need;
    private int low = 0x80;
    private int high = 0xBF;
    // executables: a DEL waiting to see whether "ELF" follows; the two bytes before the current one
    private long delAt = -1;
    private int previous = -1;
    private int beforePrevious = -1;
    // markup
    private Markup markup = Markup.TEXT;
    private final char[] name = new char[MAX_NAME];
    private int nameLength;
    private boolean nameTooLong;
    private long nameAt;
    private final char[] word = new char[MAX_NAME];
    private int wordLength;
    private boolean wordTooLong;
    private long wordAt;
    private long schemeAt = -1;
    private long position;

    @Override
    public void update(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            accept(bytes[i] & 0xFF);
            beforePrevious = previous;
            previous = bytes[i] & 0xFF;
            position++;
        }
    }

    private void accept(int b) {
        if (delAt >= 0) {
            int index = (int) (position - delAt) - 1;
            if (b != ELF[index]) {
                throw notText("a control character 0x7F at byte " + delAt);
            }
            if (index == ELF.length - 1) {
                throw notText("an ELF executable header at byte " + delAt);
            }
        }
        utf8(b);
        if (b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r') {
            throw notText(afterMz() ? mz() : "a control character 0x" + String.format("%02X", b) + " at byte "
                    + position);
        }
        if (b == 0x7F) {
            delAt = position;
        }
        markup(b >= 'A' && b <= 'Z' ? (char) (b + 32) : (char) b);
    }

    private void utf8(int b) {
        if (need > 0) {
            if (b < low || b > high) {
                throw invalidUtf8(b);
            }
            need--;
            low = 0x80;
            high = 0xBF;
            return;
        }
        if (b < 0x80) {
            return;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
        } else if (b == 0xE0) {
            need = 2;
            low = 0xA0; // no overlong three-byte forms
        } else if (b >= 0xE1 && b <= 0xEF) {
            need = 2;
            if (b == 0xED) {
                high = 0x9F; // no surrogates
            }
        } else if (b == 0xF0) {
            need = 3;
            low = 0x90; // no overlong four-byte forms
        } else if (b >= 0xF1 && b <= 0xF3) {
            need = 3;
        } else if (b == 0xF4) {
            need = 3;
            high = 0x8F; // nothing above U+10FFFF
        } else {
            throw invalidUtf8(b);
        }
    }

    private void markup(char c) {
        if (schemeAt >= 0) {
            if (!isSpace(c)) {
                throw notText("a script URL ('" + new String(word, 0, wordLength) + ":') at byte " + schemeAt);
            }
            schemeAt = -1;
        }
        words(c);
        switch (markup) {
            case TAG_NAME -> {
                if (isLetterOrDigit(c) || c == '!' && nameLength == 0) {
                    collect(c);
                    return;
                }
                String tag = collected();
                if (tag != null && TAGS.contains(tag) && (isSpace(c) || c == '/' || c == '>')) {
                    throw notText("HTML markup ('<" + tag + "') at byte " + nameAt);
                }
                if ("!doctype".equals(tag) && isSpace(c)) {
                    markup = Markup.DOCTYPE_SPACE;
                    return;
                }
                markup = Markup.TEXT;
            }
            case DOCTYPE_SPACE -> {
                if (isSpace(c)) {
                    return;
                }
                markup = Markup.TEXT;
                if (isLetterOrDigit(c)) {
                    nameLength = 0;
                    nameTooLong = false;
                    collect(c);
                    markup = Markup.DOCTYPE_NAME;
                    return;
                }
            }
            case DOCTYPE_NAME -> {
                if (isLetterOrDigit(c)) {
                    collect(c);
                    return;
                }
                if ("html".equals(collected())) {
                    throw notText("HTML markup ('<!doctype html') at byte " + nameAt);
                }
                markup = Markup.TEXT;
            }
            case TEXT -> {
            }
        }
        if (c == '<') {
            markup = Markup.TAG_NAME;
            nameAt = position;
            nameLength = 0;
            nameTooLong = false;
        }
    }

    /** Runs of letters, to find "javascript:" and "vbscript:" as whole words. */
    private void words(char c) {
        if (c >= 'a' && c <= 'z') {
            if (wordLength == 0 && !wordTooLong) {
                wordAt = position;
            }
            if (wordLength < MAX_NAME) {
                word[wordLength++] = c;
            } else {
                wordTooLong = true;
            }
            return;
        }
        if (c == ':' && !wordTooLong && SCHEMES.contains(new String(word, 0, wordLength))) {
            schemeAt = wordAt;
            return; // the word stays for the message
        }
        wordLength = 0;
        wordTooLong = false;
    }

    private void collect(char c) {
        if (nameLength < MAX_NAME) {
            name[nameLength++] = c;
        } else {
            nameTooLong = true;
        }
    }

    private String collected() {
        return nameTooLong ? null : new String(name, 0, nameLength);
    }

    @Override
    public void finish() {
        if (need > 0) {
            throw notText("a UTF-8 character cut off at the end of the file");
        }
        if (delAt >= 0) {
            throw notText("a control character 0x7F at byte " + delAt);
        }
    }

    private RefusedFile invalidUtf8(int b) {
        return notText(afterMz() && need == 0 ? mz() : "bytes that are not UTF-8 (0x" + String.format("%02X", b)
                + " at byte " + position + ")");
    }

    /** "MZ" right before a byte that cannot be text: a Windows executable's header. */
    private boolean afterMz() {
        return beforePrevious == 'M' && previous == 'Z';
    }

    private String mz() {
        return "a Windows executable header ('MZ') at byte " + (position - 2);
    }

    private static RefusedFile notText(String what) {
        return RefusedFile.wrongType("not plain text: the file contains " + what);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
