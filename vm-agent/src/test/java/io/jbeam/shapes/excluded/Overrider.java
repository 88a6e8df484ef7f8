package io.jbeam.shapes.excluded;

import io.jbeam.shapes.UnwovenSubtypes;

/** Loaded unwoven: an override that calls the woven method it overrides, counting its runs. */
public class Overrider extends UnwovenSubtypes.Base {
    public int steps;

    @Override
    public int step(int x) {
        steps++;
        return super.step(x) + 1;
    }
}
