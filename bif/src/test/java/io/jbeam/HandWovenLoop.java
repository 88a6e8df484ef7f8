package io.jbeam;

import io.jbeam.scheduler.Fiber;

/** A busy process that never receives, woven by hand: it yields every turn of its endless loop. */
public final class HandWovenLoop extends HandWoven {
    @Override
    protected void body(Fiber f) {
        while (true) {
            yieldNow(f);
            if (unwinding(f)) return;
        }
    }
}
