package io.jbeam.shapes.excluded;

import io.jbeam.shapes.UnwovenSubtypes;

/** Loaded unwoven: forwards to its delegate, counting the calls it forwards. */
public class Decorator implements UnwovenSubtypes.Service {
    private final UnwovenSubtypes.Service delegate;
    public int calls;
    public int strings;

    public Decorator(UnwovenSubtypes.Service delegate) {
        this.delegate = delegate;
    }

    @Override
    public int call(int x) {
        calls++;
        return delegate.call(x) * 10;
    }

    @Override
    public String toString() {
        strings++;
        return "[" + delegate.toString() + "]";
    }
}
