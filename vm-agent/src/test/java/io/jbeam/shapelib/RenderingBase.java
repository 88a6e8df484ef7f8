package io.jbeam.shapelib;

/** A library class (not woven) whose static and instance methods forward to an application {@link Renderer}. */
public class RenderingBase {
    public static Renderer renderer;
    public static int calls;

    /** Static, inherited by application subclasses: forwards to the same name and descriptor. */
    public static String render(Object o) {
        String s = renderer.render(o);
        calls++;
        return "[" + s + "]";
    }
}
