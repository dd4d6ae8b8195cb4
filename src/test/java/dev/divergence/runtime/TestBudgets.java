package dev.divergence.runtime;

import dev.divergence.config.ResilienceProperties;
import java.time.Duration;

/** Working-memory budgets for tests outside this package. */
public final class TestBudgets {

    private TestBudgets() {
    }

    /** @return the budget of an instance with this heap and the default share (0.4) */
    public static MemoryBudget ofHeap(long heapBytes) {
        return new MemoryBudget(heapBytes, new ResilienceProperties(4, 32, Duration.ofMillis(50), 0.4,
                Duration.ofSeconds(10), Duration.ofSeconds(1)));
    }
}
