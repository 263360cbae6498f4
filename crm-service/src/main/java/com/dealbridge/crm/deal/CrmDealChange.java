package com.dealbridge.crm.deal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A change of a CRM deal that is not shared ({@code PATCH /api/deals/{id}} and the deal page's form); null fields
 * stay as they are.
 *
 * @param stage   a {@link com.dealbridge.shareddeal.domain.Stage} name
 * @param ownerId an active sales rep
 */
public record CrmDealChange(String name, BigDecimal amount, LocalDate closeDate, String stage, String ownerId) {
}
