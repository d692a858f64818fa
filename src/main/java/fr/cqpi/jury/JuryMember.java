package fr.cqpi.jury;

/** A member of a jury session; {@code email} (optional) receives the session's invitation. */
public record JuryMember(String name, College college, MemberRole role, String email) {

    public JuryMember(String name, College college, MemberRole role) {
        this(name, college, role, null);
    }
}
