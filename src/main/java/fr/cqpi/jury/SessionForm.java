package fr.cqpi.jury;

import java.util.ArrayList;
import java.util.List;

/** What the form recording a jury session sends: one value per member row, in the rows' order. */
record SessionForm(
        String heldOn,
        String place,
        List<String> memberName,
        List<String> memberCollege,
        List<String> memberRole,
        List<String> memberEmail,
        List<String> candidate,
        Boolean presidentCastingVote) {

    /** How many member rows the form shows. */
    static final int MEMBER_ROWS = 6;

    /** The roles of an empty form's rows: a jury paritaire as most sessions seat it. */
    private static final List<String> DEFAULT_ROLES = List.of(
            "PRESIDENT",
            "REPRESENTANT_EMPLOYEURS",
            "REPRESENTANT_SALARIES",
            "REPRESENTANT_SALARIES",
            "REPRESENTANT_EMPLOYEURS",
            "RAPPORTEUR");

    /** The form as typed, to draw it again. */
    record Typed(
            String heldOn,
            String place,
            List<JuryInputs.Member> members,
            List<String> candidates,
            boolean presidentCastingVote) {}

    /** An unticked box sends nothing. */
    SessionForm {
        presidentCastingVote = Boolean.TRUE.equals(presidentCastingVote);
    }

    /** Every row as typed, blank ones included, to draw the form again. */
    List<JuryInputs.Member> rows() {
        List<JuryInputs.Member> rows = new ArrayList<>();
        int count = memberName == null ? 0 : memberName.size();
        for (int i = 0; i < count; i++) {
            rows.add(new JuryInputs.Member(
                    memberName.get(i), at(memberCollege, i), at(memberRole, i), at(memberEmail, i)));
        }
        return rows;
    }

    List<String> candidates() {
        return candidate == null ? List.of() : candidate;
    }

    JuryInputs.Session inputs() {
        List<JuryInputs.Member> members = rows().stream()
                .filter(m -> m.name() != null && !m.name().isBlank())
                .toList();
        return new JuryInputs.Session(heldOn, place, members, candidates(), presidentCastingVote);
    }

    Typed typed() {
        return new Typed(heldOn, place, rows(), candidates(), presidentCastingVote);
    }

    /** The rows the form shows: those typed, then empty ones up to {@link #MEMBER_ROWS} with their default role. */
    static List<JuryInputs.Member> rowsShown(Typed typed) {
        List<JuryInputs.Member> rows = new ArrayList<>(typed == null ? List.of() : typed.members());
        for (int i = rows.size(); i < MEMBER_ROWS; i++) {
            String role = DEFAULT_ROLES.get(i);
            rows.add(new JuryInputs.Member(
                    "",
                    switch (role) {
                        case "REPRESENTANT_SALARIES" -> "SALARIES";
                        case "RAPPORTEUR" -> "AUCUN";
                        default -> "EMPLOYEURS";
                    },
                    role));
        }
        return rows;
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() ? values.get(i) : null;
    }
}
