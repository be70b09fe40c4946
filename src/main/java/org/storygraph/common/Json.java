package org.storygraph.common;

import org.springframework.stereotype.Component;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON the way the REST API writes it, for CLI commands that print the same documents. */
@Component
public class Json {

    private final JsonMapper mapper;
    private final JsonMapper pretty;

    Json(JsonMapper mapper) {
        this.mapper = mapper;
        this.pretty = mapper.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    /** Indented, for people reading a terminal. */
    public String write(Object value) {
        return pretty.writeValueAsString(value);
    }

    public JsonMapper mapper() {
        return mapper;
    }
}
