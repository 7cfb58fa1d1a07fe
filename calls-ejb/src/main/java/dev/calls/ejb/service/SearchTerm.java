package dev.calls.ejb.service;

import java.util.Locale;

/** A search box's text as a case-insensitive JPQL LIKE pattern (used with {@code ESCAPE '\'}). */
final class SearchTerm {

    private SearchTerm() {
    }

    /** Finds the term anywhere in a lower-cased column; its own {@code %} and {@code _} are taken literally. */
    static String containing(String term) {
        String plain = term == null ? "" : term.trim().toLowerCase(Locale.ROOT);
        return "%" + plain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
