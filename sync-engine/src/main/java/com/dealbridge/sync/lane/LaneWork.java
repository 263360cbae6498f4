package com.dealbridge.sync.lane;

/** Work that runs in an aggregate's lane: received events, or a domain's local commands. */
public interface LaneWork {
}
