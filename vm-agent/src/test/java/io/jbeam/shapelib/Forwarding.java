package io.jbeam.shapelib;

/**
 * A library interface (not woven) whose default method forwards to a method with the same name and descriptor on
 * another object, and counts its calls after the forwarded one returns.
 */
public interface Forwarding extends Renderer {
    Renderer target();

    int[] calls();

    @Override
    default String render(Object o) {
        String s = target().render(o);
        calls()[0]++;
        return "<" + s + ">";
    }
}
