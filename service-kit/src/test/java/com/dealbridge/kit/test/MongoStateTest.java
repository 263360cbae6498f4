package com.dealbridge.kit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

/** The fingerprint of a document with a volatile field sees every change but one to that field. */
class MongoStateTest {

    private static final Set<String> VOLATILE = Set.of("published", "parked");

    @Test
    void aChangeOfOnlyAVolatileFieldKeepsTheHash() {
        assertThat(hash(deal(0).append("published", false)))
                .isEqualTo(hash(deal(0).append("published", true)))
                .isEqualTo(hash(deal(0)));
    }

    @Test
    void aChangeOfAnyOtherFieldChangesTheHash() {
        int before = hash(deal(0).append("published", false));

        assertThat(hash(deal(1).append("published", false))).as("a nested value").isNotEqualTo(before);
        assertThat(hash(deal(0).append("name", "Globex").append("published", false))).as("a top-level value")
                .isNotEqualTo(hash(deal(0).append("name", "Initech").append("published", false)));
        assertThat(hash(deal(0).append("published", false).append("stage", "WON"))).as("a field added")
                .isNotEqualTo(before);
        assertThat(hash(new Document("_id", "d-1").append("published", false))).as("a field removed")
                .isNotEqualTo(before);
        assertThat(hash(deal(0).append("parked", 1L).append("published", false).append("x", 1)))
                .as("an int for a long").isNotEqualTo(hash(deal(0).append("parked", 1L).append("x", 1L)));
    }

    @Test
    void theOrderOfTopLevelFieldsDoesNotCount() {
        assertThat(hash(new Document("_id", "d-1").append("a", 1).append("parked", 2)))
                .isEqualTo(hash(new Document("parked", 3).append("a", 1).append("_id", "d-1")));
    }

    private static Document deal(int marks) {
        return new Document("_id", "d-1").append("facts", new Document("marks", new Document("CRM", marks))
                .append("notes", List.of("n-1", "n-2")));
    }

    private static int hash(Document document) {
        return MongoState.hashWithout(new RawBsonDocument(document, new DocumentCodec()), VOLATILE);
    }
}
