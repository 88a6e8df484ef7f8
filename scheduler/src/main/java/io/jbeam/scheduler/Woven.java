package io.jbeam.scheduler;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put by the weaver on every class it wove. An annotation rather than an interface, so that the default
 * serialVersionUID of a woven class stays what it was.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Woven {
    /** The weaver's format version. */
    int value() default 1;
}
