package dev.divergence.drift;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ForkJoinPool;
import org.springframework.stereotype.Component;

/**
 * The drift feature's worker threads, one per core: the columns of every drift request are tested on them, so
 * however many requests are admitted, drift work never runs on more threads than there are cores.
 */
@Component
class DriftPool {

    private final ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    /** @return the pool */
    ForkJoinPool pool() {
        return pool;
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }
}
