package com.dealbridge.crm.conversion;

/**
 * "Convert to shared deal": the partner, optionally the partner user who becomes the owner (default: the partner's
 * lead-notification recipient), a welcome note, and the rep's confirmation that they contacted the partner.
 */
record ConvertRequest(String partnerId, String partnerContactId, String welcomeNote,
        Boolean contactedPartnerConfirmed) {
}
