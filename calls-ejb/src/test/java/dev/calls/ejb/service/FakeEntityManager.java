package dev.calls.ejb.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An entity manager over a map, for the call services' unit tests: {@code find}, {@code persist} (keyed by
 * the entity's {@code getId()} where it has one), {@code flush}; every query answers with no rows. Anything else fails.
 */
final class FakeEntityManager {

    private final Map<List<Object>, Object> rows = new HashMap<>();
    private final List<Object> persisted = new ArrayList<>();
    final EntityManager em = (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
            new Class<?>[] {EntityManager.class}, (proxy, method, args) -> switch (method.getName()) {
                case "find" -> rows.get(List.of(args[0], args[1]));
                case "persist" -> {
                    put(args[0], idOf(args[0]));
                    persisted.add(args[0]);
                    yield null;
                }
                case "flush" -> null;
                case "createQuery" -> emptyQuery();
                default -> throw new UnsupportedOperationException(method.getName());
            });

    /** Stores the entity under its id, as a committed row. */
    <T> T put(T entity, Object id) {
        rows.put(List.of(entity.getClass(), id), entity);
        return entity;
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

    private static TypedQuery<?> emptyQuery() {
        return (TypedQuery<?>) Proxy.newProxyInstance(TypedQuery.class.getClassLoader(), new Class<?>[] {TypedQuery.class},
                (proxy, method, args) -> method.getName().equals("getResultList") ? List.of() : proxy);
    }
}
