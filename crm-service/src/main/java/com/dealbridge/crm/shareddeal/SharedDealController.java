package com.dealbridge.crm.shareddeal;

import com.dealbridge.shareddeal.api.SharedDealCommands;
import com.dealbridge.shareddeal.api.SharedDealEndpoints;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.live.LiveDealPages;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/shared-deals} on the CRM side: the endpoints both sides share (reps see every shared deal). */
@RestController
@RequestMapping("/api/shared-deals")
class SharedDealController extends SharedDealEndpoints {

    SharedDealController(SharedDealQueries queries, SharedDealCommands commands, LiveDealPages live) {
        super(queries, commands, live);
    }
}
