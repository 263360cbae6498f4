package com.dealbridge.sync.state;

import java.util.Map;

/**
 * A service's state that it publishes to a compacted topic (partner accounts, the product catalogue). The engine
 * republishes all of it at start-up, so an update lost in a crash between the save and the send heals itself.
 */
public interface CompactedStateSource {

    String topic();

    /** Every current record by key, as the bytes that go on the topic; small by nature (accounts, catalogue). */
    Map<String, byte[]> currentState();
}
