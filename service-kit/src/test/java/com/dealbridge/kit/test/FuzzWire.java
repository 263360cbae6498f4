package com.dealbridge.kit.test;

import static com.dealbridge.kit.test.HostileValues.PATH_VALUES;
import static com.dealbridge.kit.test.HostileValues.QUERY_VALUES;

import com.dealbridge.kit.test.HostileValues.Raw;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** How {@link ApiFuzzer}'s requests are written: JSON that may hold what JSON libraries will not write, multipart, URLs. */
final class FuzzWire {

    private FuzzWire() {
    }

    // ---- multipart

    static byte[] multipart(String boundary, String field, String fileName, String type, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n"
                + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    static byte[] brokenMultipart(Random random, Map<String, String> headers) {
        String boundary = "fuzz" + random.nextInt(1_000_000);
        headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        return switch (random.nextInt(9)) {
            case 0 -> multipart(boundary, "upload", "x.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
            case 1 -> multipart(boundary, "file", "../../../etc/passwd", "text/plain",
                    "hello".getBytes(StandardCharsets.UTF_8));
            case 2 -> multipart(boundary, "file", "\u202Eexe.txt\u0000.png", "image/png",
                    "hello".getBytes(StandardCharsets.UTF_8));
            case 3 -> multipart(boundary, "file", "empty.txt", "text/plain", new byte[0]);
            case 4 -> multipart(boundary, "file", "x.exe", "application/x-msdownload",
                    new byte[] { 'M', 'Z', 0, 0, 1, 2, 3 });
            case 5 -> multipart(boundary, "file", null, null, "no file name".getBytes(StandardCharsets.UTF_8));
            case 6 -> ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\ntruncated")
                    .getBytes(StandardCharsets.UTF_8);
            case 7 -> {
                headers.put("Content-Type", "multipart/form-data");
                yield multipart(boundary, "file", "x.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
            }
            default -> multipart(boundary, "file", "x".repeat(300) + ".txt", "text/plain",
                    "hello".getBytes(StandardCharsets.UTF_8));
        };
    }

    // ---- JSON and URLs

    /** JSON text of a value; lone surrogates and control characters are always escaped, the rest only if asked. */
    static String write(Object value, boolean escapeNonAscii) {
        StringBuilder out = new StringBuilder();
        write(value, escapeNonAscii, out);
        return out.toString();
    }

    static void write(Object value, boolean escapeNonAscii, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || (Character.isSurrogate(c) && !pair && !(Character.isLowSurrogate(c) && i > 0
                        && Character.isHighSurrogate(text.charAt(i - 1)))) || (escapeNonAscii && c > 0x7E)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                String key = String.valueOf(entry.getKey());
                if (key.equals("dup")) {
                    // a duplicate of the first key
                    key = map.keySet().iterator().next().toString();
                }
                write(key, escapeNonAscii, out);
                out.append(':');
                write(entry.getValue(), escapeNonAscii, out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), escapeNonAscii, out);
            }
            out.append(']');
        } else {
            write(value.toString(), escapeNonAscii, out);
        }
    }

    static String target(String template, Map<String, String> path, Map<String, String> query) {
        String target = template;
        for (Map.Entry<String, String> entry : path.entrySet()) {
            String value = entry.getValue();
            boolean encoded = value.contains("%") || PATH_VALUES.contains(value);
            target = target.replace("{" + entry.getKey() + "}", encoded ? value : encode(value));
        }
        if (!query.isEmpty()) {
            StringBuilder q = new StringBuilder();
            for (Map.Entry<String, String> entry : query.entrySet()) {
                q.append(q.length() == 0 ? '?' : '&');
                String value = entry.getValue();
                q.append(entry.getKey()).append('=').append(QUERY_VALUES.contains(value) ? value : encode(value));
            }
            target += q;
        }
        return target;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
