package io.jbeam.bench.peer.savina;

import io.jbeam.bench.peer.VirtualThreads;
import io.jbeam.bench.savina.ChameneosColours;

/** Savina's Chameneos with virtual threads: the shape of {@code io.jbeam.bench.woven.savina.Chameneos}. */
final class VtChameneos {
    private static final Object EXIT = "exit";

    private VtChameneos() {
    }

    /** A request for a meeting, and what the mall forwards to the chameneos that waits. */
    private record Meet(int colour, QueueMailbox from) {
    }

    /** The colour the chameneos that waited took, for the other to take too. */
    private record Change(int colour) {
    }

    static Runnable main(VirtualThreads vt, int chameneos, int meetings, QueueMailbox result) {
        return () -> {
            QueueMailbox mall = new QueueMailbox();
            for (int i = 0; i < chameneos; i++) {
                vt.start(chameneo(i % ChameneosColours.COUNT, mall));
            }
            int left = meetings;
            Meet waiting = null;
            int faded = 0;
            long total = 0;
            while (faded < chameneos) {
                Object m = mall.receive();
                if (m instanceof Long) {
                    faded++;
                    total += (Long) m;
                } else {
                    Meet meet = (Meet) m;
                    if (left == 0) {
                        meet.from().send(EXIT);
                    } else if (waiting == null) {
                        waiting = meet;
                    } else {
                        left--;
                        waiting.from().send(meet);
                        waiting = null;
                    }
                }
            }
            result.send(total);
        };
    }

    private static Runnable chameneo(int colour, QueueMailbox mall) {
        return () -> {
            QueueMailbox self = new QueueMailbox();
            int mine = colour;
            long met = 0;
            mall.send(new Meet(mine, self));
            while (true) {
                Object m = self.receive();
                if (m == EXIT) {
                    mall.send(met);
                    return;
                }
                if (m instanceof Meet) {
                    Meet other = (Meet) m;
                    mine = ChameneosColours.complement(mine, other.colour());
                    other.from().send(new Change(mine));
                } else {
                    mine = ((Change) m).colour();
                }
                met++;
                mall.send(new Meet(mine, self));
            }
        };
    }
}
