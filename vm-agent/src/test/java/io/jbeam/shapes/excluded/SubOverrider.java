package io.jbeam.shapes.excluded;

/** Loaded unwoven, below another unwoven class: its woven supertype is two levels up. */
public class SubOverrider extends Overrider {
    @Override
    public int step(int x) {
        return super.step(x) - 1;
    }
}
