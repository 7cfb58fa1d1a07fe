package dev.calls.ejb.service;

import dev.calls.ejb.error.CallsException;
import jakarta.persistence.TypedQuery;
import java.util.List;

/**
 * One page of a listing, as the REST API's {@code page} and {@code per_page} ask for it: pages count from
 * 0 and hold 1 to {@value #MAX_PER_PAGE} items, so no request can make the server load a whole table.
 */
public record Page(int page, int perPage) {

    public static final int MAX_PER_PAGE = 200;
    public static final int DEFAULT_PER_PAGE = 60;

    public Page {
        if (page < 0 || perPage < 1 || perPage > MAX_PER_PAGE) {
            throw CallsException.badRequest("api.context.paging",
                    "'page' must be 0 or more and 'per_page' between 1 and " + MAX_PER_PAGE + ".");
        }
    }

    /** This page of the query's results, in the query's order. */
    <T> List<T> of(TypedQuery<T> query) {
        return query.setFirstResult(page * perPage).setMaxResults(perPage).getResultList();
    }
}
