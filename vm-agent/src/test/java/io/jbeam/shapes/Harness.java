package io.jbeam.shapes;

/** The woven root a coroutine runs: calls the shape and keeps its result or exception. */
public final class Harness implements Runnable {
    private final Shape shape;
    public Object result;
    public Throwable error;

    public Harness(Shape shape) {
        this.shape = shape;
    }

    @Override
    public void run() {
        try {
            result = shape.call();
        } catch (Throwable t) {
            error = t;
        }
    }
}
