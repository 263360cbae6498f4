package com.dealbridge.mongo.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyFieldsTest {

    private static final List<IndexKey> KEYS = List.of(new IndexKey("deal", true), new IndexKey("at", false));

    @Test
    void equalPlainValuesOfTheKeysAreUnchangedWhateverElseChanged() {
        assertThat(KeyFields.unchanged(KEYS, doc("d", 5L).append("body", "old"), doc("d", 5L).append("body", "new")))
                .isTrue();
    }

    @Test
    void anythingTheLibraryMightReadDifferentlyCountsAsChanged() {
        assertThat(KeyFields.unchanged(KEYS, doc("d", 5L), doc("d", 6L))).as("another value").isFalse();
        assertThat(KeyFields.unchanged(KEYS, doc("d", 5L), doc("d", 5))).as("another numeric type").isFalse();
        assertThat(KeyFields.unchanged(KEYS, new Document("deal", "d"), doc("d", null))).as("absent, then null")
                .isFalse();
        assertThat(KeyFields.unchanged(KEYS, doc(new Document("a", 1), 5L), doc(new Document("a", 1), 5L)))
                .as("a subdocument").isFalse();
        assertThat(KeyFields.unchanged(KEYS, doc(List.of("x"), 5L), doc(List.of("x"), 5L))).as("an array").isFalse();
        assertThat(KeyFields.unchanged(List.of(new IndexKey("mail.state", true)),
                new Document("mail", new Document("state", "SENT")), new Document("mail", new Document("state", "SENT"))))
                .as("a dotted path").isFalse();
    }

    private static Document doc(Object deal, Object at) {
        return new Document("deal", deal).append("at", at);
    }
}
