package com.dealbridge.kit.testapp;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("widgets")
record Widget(@Id String id, @Indexed(unique = true) String name, int quantity) {
}
