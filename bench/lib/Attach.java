import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a JVMTI agent into a running JVM, e.g. async-profiler (the linux-x64 jar of tools.profiler:async-profiler
 * on Maven Central carries libasyncProfiler.so):
 * <pre>
 * java lib/Attach.java PID /path/libasyncProfiler.so "start,event=cpu,interval=1ms"
 * java lib/Attach.java PID /path/libasyncProfiler.so "stop,file=cpu.collapsed,collapsed"
 * </pre>
 * ({@code jcmd PID JVMTI.agent_load} does not pass such comma-separated options through intact.)
 */
public class Attach {
    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
