package io.jbeam.shapes.excluded;

import io.jbeam.shapes.UnwovenSubtypes;

/** Loaded unwoven: an interface whose default method forwards to its target's, counting the calls it forwards. */
public interface Forwarder extends UnwovenSubtypes.Service {
    UnwovenSubtypes.Service target();

    int[] forwarded();

    @Override
    default int call(int x) {
        int r = target().call(x);
        forwarded()[0]++;
        return r + 100;
    }
}
