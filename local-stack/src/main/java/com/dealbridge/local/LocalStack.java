package com.dealbridge.local;

/** Starts Kafka (KRaft), embedded MongoDB servers, SMTP and both services. */
public final class LocalStack {
    public static void main(String[] args) {
    }
}
