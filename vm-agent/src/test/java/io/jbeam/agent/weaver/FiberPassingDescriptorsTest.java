package io.jbeam.agent.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A copy's descriptor appends the fiber and the mask; only such a descriptor maps back to an original. */
class FiberPassingDescriptorsTest {
    private static final String FIBER = "Lio/jbeam/scheduler/Fiber;";

    @Test
    void copyDescriptorsRoundTrip() {
        String copy = FiberPassingCopies.copyDesc("(JD[Ljava/lang/String;)V");
        assertEquals("(JD[Ljava/lang/String;" + FIBER + "I)V", copy);
        assertEquals("(JD[Ljava/lang/String;)V", FiberPassingCopies.originalDesc(copy));
        assertEquals("()I", FiberPassingCopies.originalDesc(FiberPassingCopies.copyDesc("()I")));
        assertNull(FiberPassingCopies.originalDesc("(I)V"));
        assertNull(FiberPassingCopies.originalDesc("(I)" + FIBER));
        assertNull(FiberPassingCopies.originalDesc("(" + FIBER + ")I"));
    }

    @Test
    void thePassedFiberFollowsTheParameters() {
        assertEquals(5, FiberPassingCopies.fiberSlot("(JDI)D", true));
        assertEquals(2, FiberPassingCopies.fiberSlot("(I)J", false));
        assertEquals(0, FiberPassingCopies.fiberSlot("()V", true));
    }
}
