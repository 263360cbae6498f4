package com.dealbridge.shareddeal.domain;

public enum ActorType {
    PARTNER_USER,
    CRM_USER,
    SYSTEM
}
