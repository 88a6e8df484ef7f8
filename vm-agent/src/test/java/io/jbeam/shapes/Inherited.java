package io.jbeam.shapes;

import io.jbeam.shapelib.Forwarding;
import io.jbeam.shapelib.Renderer;
import io.jbeam.shapelib.RenderingBase;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * Calls whose static owner is woven but whose method is inherited from code that is not woven (the JDK, a library
 * left unwoven): {@code ArrayList.equals}/{@code hashCode} calling each element's, {@code Thread.run} calling its
 * target, a library's static method and a library interface's default method forwarding to an application object
 * with the same name and descriptor, and a method reference through an application interface to a JDK method
 * ({@code Consumer.andThen}'s lambda). Each forwards to woven code that yields at its entry; that code runs pinned.
 * The result records what ran, in order, and how often that code suspended: never.
 */
public class Inherited implements Shape {
    static final StringBuilder LOG = new StringBuilder();
    static final class Elem {
        final int v;

        Elem(int v) {
            this.v = v;
        }

        @Override
        public boolean equals(Object o) {
            Y.inside(0);
            LOG.append('e').append(v);
            return o instanceof Elem && ((Elem) o).v == v;
        }

        @Override
        public int hashCode() {
            int h = Y.inside(v);
            LOG.append('h').append(v);
            return h;
        }
    }

    static final class MyList extends ArrayList<Elem> {
        MyList(int n) {
            for (int i = 0; i < n; i++) add(new Elem(i));
        }
    }

    static final class Task implements Runnable {
        int runs;

        @Override
        public void run() {
            Y.inside(0);
            runs++;
            LOG.append('r');
        }
    }

    static final class MyThread extends Thread {
        MyThread(Runnable target) {
            super(target);
        }
    }

    static final class Shout implements Renderer {
        @Override
        public String render(Object o) {
            String s = String.valueOf(o).toUpperCase() + Y.inside(0);
            LOG.append('s');
            return s;
        }
    }

    static final class AppRendering extends RenderingBase {
    }

    /** An application interface over a library one: its render is the library's default method. */
    interface Wrapper extends Forwarding {
    }

    static final class Box implements Wrapper {
        final int[] calls = {0};

        @Override
        public Renderer target() {
            return new Shout();
        }

        @Override
        public int[] calls() {
            return calls;
        }
    }

    /** An application functional interface with the descriptor of Consumer.accept. */
    interface Sink {
        void accept(Object o);
    }

    static final class Printer implements Consumer<Object> {
        final String tag;

        Printer(String tag) {
            this.tag = tag;
        }

        @Override
        public void accept(Object o) {
            Y.inside(0);
            LOG.append(tag).append(o);
        }
    }

    @Override
    public Object call() {
        LOG.setLength(0);
        StringBuilder sb = new StringBuilder();
        MyList a = new MyList(8);
        MyList b = new MyList(8);
        Y.suspendedInside = 0;
        boolean eq = a.equals(b);
        int hash = a.hashCode();
        sb.append(eq).append(' ').append(hash).append(' ');

        Task task = new Task();
        MyThread t = new MyThread(task);
        t.run();
        t.run();
        sb.append(task.runs).append(' ');

        RenderingBase.renderer = new Shout();
        RenderingBase.calls = 0;
        String r = AppRendering.render("x") + AppRendering.render("y");
        sb.append(r).append(RenderingBase.calls).append(' ');

        Box box = new Box();
        Wrapper w = box;
        String wr = w.render("p") + box.render("q");
        sb.append(wr).append(box.calls[0]).append(' ');

        Consumer<Object> both = new Printer("A").andThen(new Printer("B"));
        Sink sink = both::accept;
        sink.accept(1);
        sink.accept(2);

        Y.i(0); // suspends: nothing is pinned any more
        return sb.append(Y.suspendedInside).append(' ').append(LOG).toString();
    }
}
