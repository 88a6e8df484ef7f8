package io.jbeam.shapes;

/** One bytecode shape under test: its result must not depend on where it was suspended. */
public interface Shape {
    Object call() throws Exception;
}
