package com.dealbridge.mongo.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The key order agrees with the library's own comparator, which the library's sort and matching use. */
class KeyOrderTest {

    private static final List<Object> VALUES = List.of("a", "b", "B", "", "ab", "é", 0L, -1L, 1L, Long.MAX_VALUE,
            Long.MIN_VALUE, (1L << 53) + 1, 1L << 53, -(1L << 53) - 1, 0, 7, -7, Integer.MAX_VALUE, 7.0, 7.5, true,
            false, Instant.EPOCH, Instant.parse("2026-12-07T00:00:00Z"), new Document("x", 1), new Document("x", "y"));

    @Test
    void valuesOfEveryTypeAndMixOfTypesSortAsTheLibrarySortsThem() {
        for (boolean ascending : new boolean[] {true, false}) {
            KeyOrder order = new KeyOrder(List.of(new IndexKey("k", ascending)));
            List<KeyOrder.Entry> entries = new ArrayList<>();
            Random random = new Random(7);
            for (int position = 0; position < 400; position++) {
                KeyOrder.Entry entry = new KeyOrder.Entry(
                        new Object[] {VALUES.get(random.nextInt(VALUES.size()))}, position);
                entries.add(entry);
                order.add(entry);
            }
            Comparator<Object> library = ascending ? ValueComparator.asc() : ValueComparator.desc();
            entries.sort(Comparator.<KeyOrder.Entry, Object>comparing(entry -> entry.values()[0], library)
                    .thenComparingInt(KeyOrder.Entry::position));

            assertThat(order.between(bound(KeyOrder.Bound.LOWEST), bound(KeyOrder.Bound.HIGHEST)))
                    .as(ascending ? "ascending" : "descending").containsExactlyElementsOf(entries);
        }
    }

    private static KeyOrder.Entry bound(KeyOrder.Bound bound) {
        return new KeyOrder.Entry(new Object[] {bound}, bound == KeyOrder.Bound.LOWEST ? -1 : Integer.MAX_VALUE);
    }
}
