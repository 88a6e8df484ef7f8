package io.jbeam.scheduler;

import io.jbeam.term.Pid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ProcessTableTest {
    @Test
    void registersLooksUpAndDropsEmptiedChunks() {
        ProcessTable table = new ProcessTable();
        List<ProcessControlBlock> ps = new ArrayList<>();
        int n = 3 * ProcessTable.CHUNK_SIZE;
        for (int i = 0; i < n; i++) {
            long number = table.allocate();
            ProcessControlBlock p = new ProcessControlBlock(Pid.local(number), () -> { }, BudgetPolicy.fixed(1),
                    Priority.NORMAL);
            table.register(p);
            ps.add(p);
        }
        assertEquals(n, table.size());
        for (ProcessControlBlock p : ps) assertSame(p, table.get(p.pid().number()));
        assertEquals(ps, table.snapshot());
        for (ProcessControlBlock p : ps) table.remove(p);
        assertEquals(0, table.size());
        assertNull(table.get(ps.get(0).pid().number()));
        // Only the chunk still handing out pids is kept.
        assertTrue(table.chunkCount() <= 1, "chunks left: " + table.chunkCount());
    }

    @Test
    void pidsPrintAsErlangDoes() {
        ProcessTable table = new ProcessTable();
        assertTrue(Pid.local(table.allocate()).toString().matches("<0\\.\\d+\\.0>"));
    }
}
