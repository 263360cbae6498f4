package com.dealbridge.shareddeal.api;

import com.dealbridge.shareddeal.domain.FieldPolicy;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SyncField;
import com.dealbridge.shareddeal.domain.SyncPolicy;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which shared fields this side may change under the configured sync policy, by the API's field name, for pages
 * that offer an edit only where the policy allows it and say why elsewhere. Read from the running policy (it is
 * configurable), never assumed; the edit itself is still checked by {@link SharedDealCommands}.
 *
 * @param policies every field's policy by API name, e.g. {@code stage -> TWO_WAY}
 */
public record EditRules(Origin side, Map<String, FieldPolicy> policies) {

    public static EditRules of(SyncPolicy policy, Origin side) {
        return new EditRules(side, Stream.of(SyncField.values())
                .collect(Collectors.toUnmodifiableMap(SyncField::apiName, policy::policyOf)));
    }

    /** Whether this side may change the field of an existing deal (an unknown name: no). */
    public boolean editable(String field) {
        FieldPolicy policy = policies.get(field);
        return policy != null && policy.permitsChange(side);
    }

    /** The field's policy name (a message key suffix for the page's "why"), e.g. {@code CRM_TO_PARTNER}. */
    public String policy(String field) {
        FieldPolicy policy = policies.get(field);
        return policy == null ? "" : policy.name();
    }
}
