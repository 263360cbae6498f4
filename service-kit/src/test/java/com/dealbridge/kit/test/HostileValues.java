package com.dealbridge.kit.test;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What {@link ApiFuzzer} puts where a valid value belongs: values of each kind that a service must refuse cleanly. */
final class HostileValues {

    private HostileValues() {
    }

    /** A JSON value written verbatim (numbers JSON cannot say as Java values, NaN, broken text). */
    record Raw(String json) {
    }

    static final String ONE_MB = "a".repeat(1_000_000);
    static final List<Object> HOSTILE_STRINGS = List.of("", " \t\n\r ", "\u0000", "a\u0000b", "\uD800",
            "x\uDFFFy", "\u202Eevil\u202C", "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627",
            "\uD83D\uDE00\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\uD83C\uDFFD", "e\u0301\u0301\u0301\u200B\uFEFF",
            "\uFFFF\uFFFE", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "../../../../etc/passwd",
            "{\"$ne\":null}", "null", "-1", "1E+2000000", "+999999999-12-31", "x".repeat(201), "y".repeat(4001),
            "z".repeat(70_000));
    static final List<Object> HOSTILE_NUMBERS = List.of(new Raw("0"), new Raw("-0"), new Raw("-1"),
            new Raw("-0.01"), new Raw("0.001"), new Raw("1e3"), new Raw("1E+400"), new Raw("1E+2000000"),
            new Raw("1e-2000000"), new Raw("1E+999999999"), new Raw("1E+99999999999"),
            new Raw("123456789012345678901234567890"), new Raw("1234567890123456"), new Raw("999999999999999.99"),
            new Raw("0.1234567890123456789"), new Raw("2147483648"), new Raw("-2147483649"),
            new Raw("9223372036854775808"), new Raw("1.5"), new Raw("1" + "0".repeat(5000)),
            new Raw("1" + "0".repeat(999)), new Raw("NaN"), new Raw("-Infinity"), new Raw("00012"), new Raw("1e"),
            "1E+2000000", "1e3", "-5", "12,50", " 12 ", "0x1F", "", "\u0661\u0662\u0663", "+5", "Infinity",
            "9".repeat(20), "1" + "0".repeat(2000));
    static final List<Object> HOSTILE_DATES = List.of("+999999999-12-31", "-999999999-01-01",
            "0000-01-01", "0001-01-01", "1899-12-31", "10000-01-01", "+10000-01-01", "2026-02-30", "2026-13-01",
            "2026-12-31T00:00:00Z", "31/12/2026", "2026-1-1", "", "2026-12-31\u0000", "+1000000000-01-01",
            new Raw("20261231"), new Raw("[2026,12,31]"), new Raw("{\"year\":2026}"));
    static final List<Object> HOSTILE_STRUCTURES = List.of(new Raw("null"), true, false, new Raw("[]"),
            new Raw("{}"), new Raw("[1,2]"), new Raw("[null]"), new Raw("{\"$ne\":null}"),
            new Raw("{\"$gt\":\"\"}"), new Raw("[".repeat(100) + "]".repeat(100)), new Raw("[\"a\",{\"b\":[]}]"));
    static final List<String> RAW_BODIES = List.of("", "{", "}", "[]", "null", "42", "\"text\"", "true",
            "{\"a\":}", "{'single':1}", "{} x", "{}{}", "{\"a\":1,}", "[" .repeat(10_000), "{\"a\":NaN}",
            "/* c */ {}", "{\"a\":\"\\ud800\"}", "{\"\u0000\":1}", "{\"a\":\"" + "\\u0000".repeat(1000) + "\"}",
            "{\"" + "k".repeat(60_000) + "\":1}", "<xml/>", "a=b&c=d", "\uFEFF{}", "{\"a\":1e999999999999}",
            "{\"a\":\"\\uZZZZ\"}", "{\"a\":" + "1".repeat(2000) + "}");
    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=zzz",
            "application/json; charset=nonexistent-charset", "application/json; charset=UTF-16",
            "application/json; charset=ISO-8859-1", "application/*", "*/*", "application/octet-stream",
            "application/json-patch+json", "application/problem+json", "text/html;;;", "bogus", "application/json;");
    static final List<String> ACCEPTS = List.of("application/xml", "text/html", "image/png",
            "application/json;q=0", "bogus/type", "text/*", "application/problem+json");
    static final List<String> PATH_VALUES = List.of("not-a-uuid", "0", "-1", "..", ".", "%2e%2e",
            "..%2F..%2Fetc%2Fpasswd", "%2F", "%00", "%5C..%5C", "x".repeat(5000), "%F0%9F%98%80", "%FF%FE",
            "%C0%AE%C0%AE", "%27%20OR%20%271%27%3D%271", "%7B%22%24ne%22%3Anull%7D", "null", "%20", "a;b=c", "..;",
            "%252e%252e", "%E2%80%AE", "%EF%BF%BF", "%ED%A0%80");
    static final List<String> QUERY_VALUES = List.of("-1", "0", "abc", "1e3", "1E%2B400", "2147483648",
            "99999999999999999999", "", "%00", "1.5", "true", "%F0%9F%98%80", "x".repeat(3000), "-2147483649",
            "%FF", "1E%2B2000000", "NaN", "+1");
    static final List<String> AUTH_HEADERS = List.of("Bearer wrong-token", "Bearer", "Bearer ",
            "Basic dXNlcjpwYXNz", "Bearer " + "x".repeat(5000), "Token abc", "Bearer a b c", "Bearer \t");

    /** The hostile values every field of this schema gets. */
    static List<Object> systematic(JsonNode schema) {
        String type = schema.path("type").asString("");
        List<Object> values = new ArrayList<>(List.of(new Raw("null"), new Raw("[]"), new Raw("{}"), true));
        if (schema.path("format").asString("").equals("date")) {
            values.addAll(HOSTILE_DATES);
        } else if (type.equals("number") || type.equals("integer")) {
            values.addAll(HOSTILE_NUMBERS);
        } else if (type.equals("string")) {
            values.addAll(HOSTILE_STRINGS);
            values.add(ONE_MB);
        } else if (type.equals("array")) {
            values.addAll(List.of(new Raw("[null]"), new Raw("[[]]"), new Raw("[{}]"), new Raw("[1]"), "text",
                    new Raw("[" + "\"x\",".repeat(1000) + "\"x\"]")));
        } else {
            values.addAll(List.of("text", new Raw("1")));
        }
        return values;
    }
}
