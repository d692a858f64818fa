-- At most one CLR 2.0 certificate credential in force per learner of a course: the four blocs validated again
-- while it stands keep it; a bloc overturned revokes it, and the blocs validated again give a new one.
create unique index credential_one_standing_certificate on credential (course_id, learner_id)
    where revoked_at is null and kind = 'CERTIFICATE';
