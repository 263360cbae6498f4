package com.dealbridge.shareddeal.store;

import com.dealbridge.kit.web.NotFoundException;

public class SharedDealNotFoundException extends NotFoundException {

    public SharedDealNotFoundException(String sharedDealId) {
        super("No shared deal " + sharedDealId);
    }
}
