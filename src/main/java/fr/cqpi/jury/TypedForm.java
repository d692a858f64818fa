package fr.cqpi.jury;

/** A form drawn again as it was typed, with the field at fault and the reason in the page's language. */
record TypedForm<F>(F form, String field, String error) {}
