package com.dealbridge.sync.domain;

public enum QuoteStatus {
    PUBLISHED,
    PURCHASED
}
