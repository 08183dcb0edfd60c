package org.perfeval.ops;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.JMException;
import javax.management.ObjectName;

import com.sun.management.HotSpotDiagnosticMXBean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands that run for seconds and end ({@code report}, {@code consolidate}, {@code demo}) finish sooner without
 * HotSpot's optimising C2 compiler: in a fresh JVM it spends most of the run compiling code the command will
 * leave before the compiled code pays off. Rewriting the report sets of 50 departments × 200 projects took 8.59
 * instead of 11.55 s (bench/README.md). The long-running service and ingestion keep C2, which they need.
 *
 * <p>A JVM's compiler flags are fixed before {@code main}, and a jar cannot set them; a compiler directive
 * can be added at run time through the {@code DiagnosticCommand} MBean (what {@code jcmd PID
 * Compiler.directives_add} does). The directive takes a file, so it is written to a temporary one.
 */
public final class ShortRunCompilation {

    /** Every method: never compiled by C2, so C1's code serves to the end. */
    static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private static final Logger LOG = LoggerFactory.getLogger(ShortRunCompilation.class);
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    private ShortRunCompilation() {
    }

    /**
     * Switches C2 off for the rest of this JVM's life. On a JVM without the diagnostic command (not HotSpot) it
     * does nothing but say so in the log at DEBUG: the command runs as before, only slower.
     */
    public static void preferQuickStart() {
        if (!c2BesideC1()) {
            // without C1 beside it (-XX:-TieredCompilation, a JVMCI compiler) nothing would compile at all; with
            // -XX:TieredStopAtLevel below 4 C2 is off already
            LOG.debug("compiler directive not added: C2 does not run beside C1 in this JVM");
            return;
        }
        Path directives = null;
        try {
            directives = Files.createTempFile("perfeval-compiler", ".json");
            Files.writeString(directives, DIRECTIVE, StandardCharsets.UTF_8);
            Object answer = diagnosticCommand("compilerDirectivesAdd", directives.toString());
            LOG.debug("compiler directive added: {}", answer);
        } catch (Exception | LinkageError e) {
            LOG.debug("compiler directive not added; the command runs with the JVM's own compilers", e);
        } finally {
            if (directives != null) {
                try {
                    Files.deleteIfExists(directives);
                } catch (Exception e) {
                    LOG.debug("temporary compiler directive file {} left behind", directives, e);
                }
            }
        }
    }

    /** Whether this JVM compiles in tiers up to C2 with C1 below it: the only case where leaving C2 out helps. */
    static boolean c2BesideC1() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            String mode = option(vm, "CompilationMode");
            return vm != null && "true".equals(vm.getVMOption("TieredCompilation").getValue())
                    && "4".equals(vm.getVMOption("TieredStopAtLevel").getValue())
                    && (mode == null || mode.equals("default"))    // high-only: C2 without C1
                    && !"true".equals(option(vm, "UseJVMCICompiler"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String option(HotSpotDiagnosticMXBean vm, String name) {
        try {
            return vm.getVMOption(name).getValue();
        } catch (IllegalArgumentException e) {
            return null; // a JVM without that option
        }
    }

    /** The answer of one DiagnosticCommand operation (its text, as {@code jcmd} prints it). */
    static String diagnosticCommand(String operation, String... arguments) throws JMException {
        Object answer = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMAND),
                operation, new Object[] {arguments}, new String[] {String[].class.getName()});
        return String.valueOf(answer).strip();
    }
}
