package io.jbeam.suite;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints the extension's figures once the launcher has run the test plan. Registered by ServiceLoader. */
public final class SuiteSummaryListener implements TestExecutionListener {
    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        System.out.print(SuiteStats.fallbackSample(20));
        System.out.println(SuiteStats.mostSuspendedLine());
        System.out.println(SuiteStats.summaryLine());
        System.out.flush();
    }
}
