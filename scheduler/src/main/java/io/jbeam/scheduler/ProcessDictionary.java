package io.jbeam.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A process's dictionary ({@code put/get/erase}). Keys and values are terms compared by {@code equals}; a missing
 * key reads as null (Erlang's undefined, which the facade supplies).
 *
 * <p>Memory ordering: plain; owner only, like {@link Relations}.
 */
public final class ProcessDictionary {
    private final Map<Object, Object> entries = new HashMap<>();

    /** Returns the previous value, or null. */
    public Object put(Object key, Object value) {
        return entries.put(key, value);
    }

    public Object get(Object key) {
        return entries.get(key);
    }

    public Object erase(Object key) {
        return entries.remove(key);
    }

    /** Every key. */
    public List<Object> keys() {
        return new ArrayList<>(entries.keySet());
    }

    /** Every pair, as map entries (the facade turns them into {@code {K, V}} tuples). */
    public List<Map.Entry<Object, Object>> pairs() {
        return new ArrayList<>(entries.entrySet());
    }

    public void clear() {
        entries.clear();
    }

    public int size() {
        return entries.size();
    }
}
