package io.jbeam.term;

/**
 * A Java object that stands for an Erlang term: it prints, compares and orders as {@link #asTerm()}.
 * An exception that carries an Erlang reason implements it, so an exit reason holding it reads as that reason.
 */
public interface AsTerm {
    /** The term this object stands for (not itself an {@code AsTerm}). */
    Object asTerm();
}
