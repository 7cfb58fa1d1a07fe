package dev.calls.ejb.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Role} as its contract spelling, so the column reads the same as the API. */
@Converter(autoApply = true)
public class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.wire();
    }

    @Override
    public Role convertToEntityAttribute(String value) {
        return value == null ? null : Role.fromWire(value).orElseThrow(
                () -> new IllegalStateException("unknown role in database: " + value));
    }
}
