/**
 * Private notes: what a partner's users write about one of their deals for themselves. They never leave the
 * partner side — no event, no outbox entry, nothing on the shared-deal document — which is why they live in their
 * own collection and this package does not depend on the sync engine at all.
 */
package com.dealbridge.partner.note;
