package dev.calls.ejb.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link ChannelType} as its one-letter contract spelling. */
@Converter(autoApply = true)
public class ChannelTypeConverter implements AttributeConverter<ChannelType, String> {

    @Override
    public String convertToDatabaseColumn(ChannelType type) {
        return type == null ? null : type.wire();
    }

    @Override
    public ChannelType convertToEntityAttribute(String value) {
        return value == null ? null : ChannelType.fromWire(value).orElseThrow(
                () -> new IllegalStateException("unknown channel type in database: " + value));
    }
}
