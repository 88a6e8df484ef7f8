package io.jbeam.shapelib;

/** A library interface: application classes implement it. */
public interface Renderer {
    String render(Object o);
}
