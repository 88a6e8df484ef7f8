package io.jbeam.bif;

import io.jbeam.scheduler.ProcessDictionary;
import io.jbeam.scheduler.Signals;
import io.jbeam.term.Atom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The calling process's dictionary, with Erlang's results: {@code undefined} for a missing key. */
public final class Dictionary {
    private Dictionary() {
    }

    public static Object put(Object key, Object value) {
        return orUndefined(Signals.dictionary().put(key, value));
    }

    public static Object get(Object key) {
        return orUndefined(Signals.dictionary().get(key));
    }

    public static Object erase(Object key) {
        return orUndefined(Signals.dictionary().erase(key));
    }

    /** {@code get/0}: every {@code {Key, Value}}. */
    public static List<Object> all() {
        return ProcessInfo.dictionary(Signals.dictionary());
    }

    /** {@code erase/0}: every {@code {Key, Value}}, and the dictionary is emptied. */
    public static List<Object> eraseAll() {
        ProcessDictionary d = Signals.dictionary();
        List<Object> pairs = ProcessInfo.dictionary(d);
        d.clear();
        return pairs;
    }

    /** {@code get_keys/0}. */
    public static List<Object> keys() {
        return Signals.dictionary().keys();
    }

    /** {@code get_keys/1}: the keys whose value equals {@code value}. */
    public static List<Object> keys(Object value) {
        List<Object> out = new ArrayList<>();
        for (Map.Entry<Object, Object> e : Signals.dictionary().pairs()) {
            if (e.getValue().equals(value)) out.add(e.getKey());
        }
        return out;
    }

    private static Object orUndefined(Object v) {
        return v == null ? Atom.UNDEFINED : v;
    }
}
