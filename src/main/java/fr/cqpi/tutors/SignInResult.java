package fr.cqpi.tutors;

import java.util.Optional;

/** A sign-in link spent: the tutor's sign-in, or why the link opens nothing. */
public record SignInResult(Optional<TutorSignIn> signIn, Optional<SignInRefusal> refusal) {

    static SignInResult accepted(TutorSignIn signIn) {
        return new SignInResult(Optional.of(signIn), Optional.empty());
    }

    static SignInResult refused(SignInRefusal refusal) {
        return new SignInResult(Optional.empty(), Optional.of(refusal));
    }
}
