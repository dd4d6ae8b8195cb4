package dev.divergence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the browser tests need: a Chromium and its driver from the system's packages (Debian: {@code chromium},
 * {@code chromium-driver}), never downloaded by the build. As a JUnit condition the tests run only when both are
 * installed; otherwise the class is skipped and one line says why ({@code .ci/run} installs them and fails if the
 * tests were skipped there).
 */
public final class Browser implements ExecutionCondition {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (binary() != null && driver() != null) {
            return ConditionEvaluationResult.enabled("chromium at " + binary() + ", driver at " + driver());
        }
        String line = "BROWSER TESTS SKIPPED: no " + (binary() == null ? "chromium (" + BROWSERS + ")"
                : "chromedriver (" + DRIVERS + ")") + ". They open the HTML drift report and the playground in "
                + "headless Chromium; install Debian's chromium and chromium-driver to run them.";
        System.out.println("[WARNING] " + line);
        return ConditionEvaluationResult.disabled(line);
    }

    /** @return the browser's executable, or null */
    static String binary() {
        return BROWSERS.stream().filter(b -> Files.isExecutable(Path.of(b))).findFirst().orElse(null);
    }

    /** @return the driver's executable, or null */
    static String driver() {
        return DRIVERS.stream().filter(d -> Files.isExecutable(Path.of(d))).findFirst().orElse(null);
    }
}
