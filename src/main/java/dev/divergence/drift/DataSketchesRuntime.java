package dev.divergence.drift;

/**
 * Lets DataSketches run on the JDK the image ships (25). DataSketches Java 6.2 (the line that runs on Java 17,
 * and the one Spark 4.1 writes its sketches with) reads and writes sketches through DataSketches Memory 3.0.2,
 * whose first class refuses any {@code java.version} other than 8, 11, 17 or 21 when it loads, although it works on
 * later JDKs (it uses {@code sun.misc.Unsafe} on heap arrays, still there in 25). On a later JDK that class is
 * loaded once, at startup, with {@code java.version} reading 21 for the moment it takes; on 17 and 21 nothing is
 * done. The later DataSketches lines (8 and 9, on the Foreign Function and Memory API) need Java 21 or 24 and up
 * to build; this goes when the project's Java level moves there.
 */
public final class DataSketchesRuntime {

    private static final String CHECKED_CLASS = "org.apache.datasketches.memory.internal.ResourceImpl";
    private static boolean loaded;

    private DataSketchesRuntime() {
    }

    /**
     * Loads DataSketches Memory (at most once).
     *
     * @throws IllegalStateException when it cannot be loaded
     */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        int major = Runtime.version().feature();
        boolean supported = major == 17 || major == 21;
        String version = System.getProperty("java.version");
        try {
            if (!supported) {
                System.setProperty("java.version", "21");
            }
            Class.forName(CHECKED_CLASS, true, DataSketchesRuntime.class.getClassLoader());
            loaded = true;
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("DataSketches Memory could not be loaded on Java " + version, e);
        } finally {
            if (!supported) {
                System.setProperty("java.version", version);
            }
        }
    }
}
