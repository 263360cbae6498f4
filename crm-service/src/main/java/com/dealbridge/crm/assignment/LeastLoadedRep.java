package com.dealbridge.crm.assignment;

import com.dealbridge.crm.rep.SalesRep;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Picks the active rep with the fewest active shared deals; ties go to the longest-serving rep, then by id. */
final class LeastLoadedRep {

    private LeastLoadedRep() {
    }

    static Optional<SalesRep> pick(List<SalesRep> activeReps, Map<String, Long> activeDealsPerRep) {
        return activeReps.stream().min(Comparator
                .comparingLong((SalesRep rep) -> activeDealsPerRep.getOrDefault(rep.id(), 0L))
                .thenComparing(SalesRep::createdAt)
                .thenComparing(SalesRep::id));
    }
}
