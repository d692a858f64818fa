package fr.cqpi.jury;

public record JuryMember(String name, College college, MemberRole role) {}
