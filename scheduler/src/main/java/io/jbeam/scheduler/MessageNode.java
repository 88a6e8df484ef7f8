package io.jbeam.scheduler;

/**
 * One entry of a process's inbound queue: a message, or (subclass {@link SignalNode}) a control signal. Intrusive:
 * the same {@link #next} link serves the inbound stack and then the private queue.
 *
 * <p>Memory ordering: plain fields. A sender writes them before the CAS that publishes the node on the inbound
 * stack (release); the owner reads them after the getAndSet that takes the stack (acquire).
 */
class MessageNode {
    final Object message;
    MessageNode next;

    MessageNode(Object message) {
        this.message = message;
    }
}
