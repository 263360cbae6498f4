package com.dealbridge.sync.store;

/** An event for a deal whose registration never arrived here (e.g. it was dead-lettered). */
public class UnknownSharedDealException extends RuntimeException {

    public UnknownSharedDealException(String sharedDealId, String eventType, long sequence) {
        super(eventType + " #" + sequence + " for unknown shared deal " + sharedDealId
                + ": its registration has not been applied on this side");
    }
}
