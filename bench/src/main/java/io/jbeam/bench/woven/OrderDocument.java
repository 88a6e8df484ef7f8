package io.jbeam.bench.woven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A realistic JSON document for the Jackson workloads: a page of web-shop orders with nested customers, addresses,
 * line items, tags, prices and optional notes (some non-ASCII). Built deterministically from a seed.
 */
public final class OrderDocument {
    private static final String[] FIRST = {"Ada", "Grace", "Joe", "Mike", "Robert", "Barbara", "Björn", "Zoë", "Kenji"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Armstrong", "Williams", "Virding", "Liskov", "Ørsted"};
    private static final String[] CITIES = {"Stockholm", "Göteborg", "London", "Zürich", "Kraków", "Lisboa", "Tokyo"};
    private static final String[] PRODUCTS = {"Telephone switch", "Fibre cable 10m", "Rack server", "Patch panel",
        "Line card", "Power supply unit", "Cooling fan", "Console cable", "SFP+ module", "Spare parts kit"};
    private static final String[] TAGS = {"priority", "gift", "fragile", "backorder", "b2b", "refurbished", "eu"};

    /** A page of orders, as the HTTP API of the shop returns it. */
    public record Page(int page, int pageSize, long total, List<Order> orders) {
    }

    public record Order(long id, String createdAt, String status, Customer customer, List<Line> lines,
                        double subtotal, double tax, double total, boolean paid, List<String> tags, String note) {
    }

    public record Customer(long id, String name, String email, Address shipTo, Address billTo) {
    }

    public record Address(String street, String city, String zip, String country) {
    }

    public record Line(String sku, String name, int quantity, double unitPrice, double discount) {
    }

    private OrderDocument() {
    }

    /** The document with {@code orders} orders, serialised. */
    public static String json(int orders, long seed) {
        try {
            return new ObjectMapper().writeValueAsString(page(orders, seed));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Page page(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add(order(r, 100_000 + i));
        }
        return new Page(1, count, 5_000L * count, orders);
    }

    private static Order order(SplittableRandom r, long id) {
        String name = pick(r, FIRST) + " " + pick(r, LAST);
        Address ship = address(r);
        Customer customer = new Customer(r.nextLong(1, 1_000_000), name,
                name.toLowerCase().replace(' ', '.') + "@example.org", ship, r.nextBoolean() ? ship : address(r));
        int n = 1 + r.nextInt(6);
        List<Line> lines = new ArrayList<>(n);
        double subtotal = 0;
        for (int i = 0; i < n; i++) {
            Line line = new Line("SKU-" + (10_000 + r.nextInt(90_000)), pick(r, PRODUCTS), 1 + r.nextInt(20),
                    Math.round(r.nextDouble(1, 2_000) * 100) / 100.0, r.nextInt(4) == 0 ? 0.1 : 0.0);
            subtotal += line.quantity() * line.unitPrice() * (1 - line.discount());
            lines.add(line);
        }
        subtotal = Math.round(subtotal * 100) / 100.0;
        double tax = Math.round(subtotal * 25) / 100.0;
        List<String> tags = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            tags.add(pick(r, TAGS));
        }
        String note = r.nextInt(3) == 0 ? "Leave at the door — ring twice, \"please\"" : null;
        String createdAt = String.format("2024-%02d-%02dT%02d:%02d:%02dZ", 1 + r.nextInt(12), 1 + r.nextInt(28),
                r.nextInt(24), r.nextInt(60), r.nextInt(60));
        return new Order(id, createdAt, r.nextBoolean() ? "shipped" : "open", customer, lines, subtotal, tax,
                subtotal + tax, r.nextBoolean(), tags, note);
    }

    private static Address address(SplittableRandom r) {
        return new Address((1 + r.nextInt(200)) + " " + pick(r, LAST) + " Street", pick(r, CITIES),
                String.valueOf(10_000 + r.nextInt(89_999)), r.nextBoolean() ? "SE" : "GB");
    }

    private static String pick(SplittableRandom r, String[] from) {
        return from[r.nextInt(from.length)];
    }
}
