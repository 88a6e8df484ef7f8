package io.jbeam.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the Java side of a conformance scenario: a method {@code void name(Trace t)} of a scenario group class
 * whose twin is {@code scenarios/<value>.escript} and whose expected output is {@code expected/<value>.trace}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Scenario {
    /** The scenario's name, shared with its escript and its expected trace. */
    String value();

    /** Where the behaviour comes from: an erts test suite case, a manual section, or an erlang-semantics.md item. */
    String source();
}
