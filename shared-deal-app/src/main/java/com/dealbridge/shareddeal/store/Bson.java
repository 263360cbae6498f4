package com.dealbridge.shareddeal.store;

import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.Stamp;
import com.dealbridge.sync.clock.Hlc;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.bson.Document;

/** Small helpers the document mappings share: values that BSON has no type for go as strings. */
final class Bson {

    private Bson() {
    }

    static Document stamp(Stamp stamp) {
        return stamp == null ? null : new Document("w", stamp.hlc().wallMillis()).append("c", stamp.hlc().counter())
                .append("o", stamp.origin().name());
    }

    static Stamp stamp(Document document) {
        return document == null ? null : new Stamp(new Hlc(number(document, "w"), (int) number(document, "c")),
                Origin.valueOf(document.getString("o")));
    }

    static Document person(PersonRef person) {
        return person == null ? null : new Document("id", person.id()).append("name", person.name())
                .append("email", person.email());
    }

    static PersonRef person(Document document) {
        return document == null ? null : new PersonRef(document.getString("id"), document.getString("name"),
                document.getString("email"));
    }

    static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    static Date time(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant time(Date date) {
        return date == null ? null : date.toInstant();
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static long number(Document document, String key) {
        Object value = document.get(key);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
