package com.dealbridge.sync.domain;

public enum ActorType {
    PARTNER_USER,
    CRM_USER,
    SYSTEM
}
