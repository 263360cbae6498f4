package com.dealbridge.shareddeal.domain;

public enum QuoteStatus {
    PUBLISHED,
    PURCHASED
}
