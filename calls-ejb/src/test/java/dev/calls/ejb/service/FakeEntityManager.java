package dev.calls.ejb.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An entity manager over a map, for the call services' unit tests: {@code find}, {@code persist} (keyed by
 * the entity's {@code getId()} where it has one), {@code flush}; a query answers with the rows
 * {@link #answer} gave for its text, or none; a native update is written down ({@link #updates}) and
 * changes nothing, or fails with {@link #updateFailure}. Anything else fails.
 */
final class FakeEntityManager {

    private final Map<List<Object>, Object> rows = new HashMap<>();
    private final List<Object> persisted = new ArrayList<>();
    private final Map<String, List<?>> answers = new HashMap<>();
    /** Each native update executed: its statement, then its parameters in order. */
    final List<List<Object>> updates = new ArrayList<>();
    /** When set, what every native update throws instead of being written down. */
    RuntimeException updateFailure;
    final EntityManager em = (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
            new Class<?>[] {EntityManager.class}, (proxy, method, args) -> switch (method.getName()) {
                case "find" -> rows.get(List.of(args[0], args[1]));
                case "persist" -> {
                    put(args[0], idOf(args[0]));
                    persisted.add(args[0]);
                    yield null;
                }
                case "flush" -> null;
                case "createQuery" -> query(answers.getOrDefault((String) args[0], List.of()));
                case "createNativeQuery" -> update((String) args[0]);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    /** Stores the entity under its id, as a committed row. */
    <T> T put(T entity, Object id) {
        rows.put(List.of(entity.getClass(), id), entity);
        return entity;
    }

    /** The rows the query with exactly this text answers (its parameters are not looked at). */
    void answer(String query, List<?> rows) {
        answers.put(query, rows);
    }

    /** What the code under test persisted, of that type, in order. */
    <T> List<T> persisted(Class<T> type) {
        return persisted.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T> T find(Class<T> type, Object id) {
        return type.cast(rows.get(List.of(type, id)));
    }

    /** The entity's id; an entity that is never looked up (a host change) is its own key. */
    private static Object idOf(Object entity) {
        try {
            return entity.getClass().getMethod("getId").invoke(entity);
        } catch (NoSuchMethodException e) {
            return entity;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TypedQuery<?> query(List<?> rows) {
        return (TypedQuery<?>) Proxy.newProxyInstance(TypedQuery.class.getClassLoader(), new Class<?>[] {TypedQuery.class},
                (proxy, method, args) -> method.getName().equals("getResultList") ? rows : proxy);
    }

    private Query update(String statement) {
        List<Object> update = new ArrayList<>(List.of(statement));
        return (Query) Proxy.newProxyInstance(Query.class.getClassLoader(), new Class<?>[] {Query.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setParameter" -> {
                        update.add(args[1]);
                        yield proxy;
                    }
                    case "executeUpdate" -> {
                        if (updateFailure != null) {
                            throw updateFailure;
                        }
                        updates.add(update);
                        yield 1;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
