package org.newsroom.query;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints, when a test run ends, how many ninjs documents its tests validated against IPTC's schema. */
public class NinjsValidationReport implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        System.out.println(
                "[ninjs] documents validated against the IPTC ninjs 3.1 schema in this run: " + Ninjs.validated());
    }
}
