package dev.calls.media.jca;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.TreeMap;

import jakarta.resource.spi.ConfigProperty;

/**
 * The {@link ConfigProperty} fields of a resource adapter JavaBean, read by name. The annotations are the one
 * place a property's default is written: the server applies it to a property nobody registered, this class
 * applies it to a field nobody set, and tests check the shipped configuration script and the docs against it.
 */
final class ConfigProperties {

    private ConfigProperties() {
    }

    /** Every property's declared default, by property name. */
    static Map<String, String> defaults(Class<?> bean) {
        Map<String, String> defaults = new TreeMap<>();
        for (Field field : bean.getDeclaredFields()) {
            ConfigProperty property = field.getAnnotation(ConfigProperty.class);
            if (property != null) {
                defaults.put(field.getName(), property.defaultValue());
            }
        }
        return defaults;
    }

    /** Every property's value as set on {@code bean}, its declared default where none was set. */
    static Map<String, String> values(Object bean) {
        Map<String, String> values = defaults(bean.getClass());
        for (Field field : bean.getClass().getDeclaredFields()) {
            if (field.isAnnotationPresent(ConfigProperty.class)) {
                Object value = read(field, bean);
                if (value != null) {
                    values.put(field.getName(), value.toString());
                }
            }
        }
        return values;
    }

    private static Object read(Field field, Object bean) {
        try {
            field.setAccessible(true);
            return field.get(bean);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read configuration property " + field.getName(), e);
        }
    }
}
