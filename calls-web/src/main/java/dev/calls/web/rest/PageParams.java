package dev.calls.web.rest;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.service.Page;

/** The {@code page} and {@code per_page} query parameters of a listing; absent ones take their defaults. */
final class PageParams {

    private PageParams() {
    }

    static Page of(String page, String perPage) {
        return new Page(number(page, "page", 0), number(perPage, "per_page", Page.DEFAULT_PER_PAGE));
    }

    /** A whole-number query parameter, or its default when absent; 400 when it is not a number. */
    static int number(String value, String name, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw CallsException.badRequest("api.context.invalid_url_param", "'" + name + "' must be a whole number.");
        }
    }
}
