package io.jbeam.suite.shapes;

/** A test interface: its default methods are test methods of the classes that implement it. */
interface DefaultShapes {
    default void fromInterface(StringBuilder out) {
        out.append("interface");
    }
}
