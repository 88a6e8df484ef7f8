package io.jbeam.bench.woven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Jackson tree model: read the order page into nodes, total the line items of every order by walking the tree,
 * store the result in each order, and write the tree back.
 */
public final class JsonTreeWorkload implements Task {
    private final ObjectMapper mapper = new ObjectMapper();
    private final String json;

    public JsonTreeWorkload(String json) {
        this.json = json;
    }

    @Override
    public Object run() {
        try {
            JsonNode root = mapper.readTree(json);
            for (JsonNode order : root.get("orders")) {
                double sum = 0;
                for (JsonNode line : order.get("lines")) {
                    sum += line.get("quantity").asInt() * line.get("unitPrice").asDouble();
                }
                ((ObjectNode) order).put("checkedSubtotal", sum);
            }
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
