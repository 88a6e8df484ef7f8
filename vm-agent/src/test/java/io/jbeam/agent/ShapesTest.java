package io.jbeam.agent;

import io.jbeam.shapes.NewArgs;
import io.jbeam.shapes.StackBelow;
import org.junit.jupiter.api.Test;

class ShapesTest {
    @Test
    void operandStackBelowTheArguments() throws Exception {
        ShapeRunner.check(StackBelow.class);
    }

    @Test
    void constructorArgumentsThatSuspend() throws Exception {
        ShapeRunner.check(NewArgs.class);
    }
}
