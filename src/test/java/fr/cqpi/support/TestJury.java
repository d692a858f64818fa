package fr.cqpi.support;

import java.util.List;
import java.util.Map;

/** A jury paritaire as tests compose it: both collèges, a président, a rapporteur. */
public final class TestJury {

    private TestJury() {}

    public static final List<Map<String, Object>> MEMBERS = List.of(
            Json.fields("name", "Claire Martin", "college", "EMPLOYEURS", "role", "PRESIDENT"),
            Json.fields("name", "Paul Durand", "college", "SALARIES", "role", "REPRESENTANT_SALARIES"),
            Json.fields("name", "Nadia Benali", "college", "EMPLOYEURS", "role", "REPRESENTANT_EMPLOYEURS"),
            Json.fields("name", "Luc Moreau", "college", "AUCUN", "role", "RAPPORTEUR"));

    /** The body of a jury session's creation (POST /api/v1/jury-sessions). */
    public static String session(String heldOn, String place, List<String> candidates) {
        return Json.object("heldOn", heldOn, "place", place, "members", MEMBERS, "candidates", candidates);
    }
}
