package io.jbeam.bench.woven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Jackson databind round trip: parse the order page into records, then write it back to a string. */
public final class JsonBindWorkload implements Task {
    private final ObjectMapper mapper = new ObjectMapper();
    private final String json;

    public JsonBindWorkload(String json) {
        this.json = json;
    }

    @Override
    public Object run() {
        try {
            OrderDocument.Page page = mapper.readValue(json, OrderDocument.Page.class);
            return mapper.writeValueAsString(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
