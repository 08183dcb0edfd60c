package org.perfeval.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.Marker;

/**
 * perfeval's logging, set up in code (found by logback through {@code META-INF/services}) rather than read from a
 * {@code logback.xml}: parsing the XML took 150 of the 1,100 ms that start-up takes (profiled). Logs go to the
 * console and to {@code logs/perfeval.log} under the home folder, rolled daily and at 50 MB, kept 30 days and
 * 2 GB; {@code perfeval.log.format=json} writes the file as JSON lines. {@code Main} sets the system properties
 * {@code perfeval.home} and {@code perfeval.log.appender} ({@code FILE}, {@code FILE_JSON}, or {@code NONE} for the
 * dry run, which writes no log file) before the first logger is made. An operator's own configuration,
 * {@code -Dlogback.configurationFile=…}, still replaces all of this.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    /**
     * One event, one line: a line break in a message or a file name (a name may hold one) would start what reads as
     * another event, without its time and file, or forge one. Stack traces (%ex) keep their lines.
     */
    private static final String ONE_LINE = "%replace(%X{file:-} %X{batch:-}] %logger{0} - %msg){'[\\r\\n]+', ' ⏎ '}";
    static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] [%X{camel.routeId:-main}]"
            + " [" + ONE_LINE + "%n";
    static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level [%X{camel.routeId:-main}]"
            + " [" + ONE_LINE + "%n";

    private static final String FILE_COMPLETION = "org.apache.camel.component.file.GenericFileOnCompletion";
    private static final String ROLLBACK_MESSAGE = "Rollback file strategy";

    /** A failure's stack trace, for the log file only: the console shows the one line that says what to fix. */
    public static final String DETAILS_LOGGER = "perfeval.details";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        // logback's notes about its own set-up stay off the console
        context.getStatusManager().add(new NopStatusListener());
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console(context));
        String appender = System.getProperty("perfeval.log.appender", "FILE");
        Logger details = context.getLogger(DETAILS_LOGGER);
        details.setAdditive(false);
        if (!"NONE".equals(appender)) {
            String dir = System.getProperty("perfeval.home", ".") + "/logs";
            RollingFileAppender<ILoggingEvent> file = file(context, dir, "FILE_JSON".equals(appender));
            root.addAppender(file);
            details.addAppender(file);
        }
        context.getLogger("org.apache.camel").setLevel(Level.WARN);
        context.getLogger("org.apache.camel.main.MainSupport").setLevel(Level.INFO);
        context.getLogger("org.apache.camel.impl.engine.AbstractCamelContext").setLevel(Level.INFO);
        // "Rollback file strategy" at every retry of a file that waits in the inbox: perfeval's own line says why.
        // Only that message: the same logger warns when a file cannot be moved to .done, which must be seen.
        context.addTurboFilter(new TurboFilter() {
            @Override
            public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                                      Throwable t) {
                return format != null && format.startsWith(ROLLBACK_MESSAGE) && logger.getName().equals(FILE_COMPLETION)
                        ? FilterReply.DENY : FilterReply.NEUTRAL;
            }
        });
        context.getLogger("org.apache.poi").setLevel(Level.WARN);
        context.getLogger("org.quartz").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(pattern(context, CONSOLE_PATTERN));
        console.start();
        return console;
    }

    private static RollingFileAppender<ILoggingEvent> file(LoggerContext context, String dir, boolean json) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName(json ? "FILE_JSON" : "FILE");
        file.setFile(dir + "/perfeval.log");
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir + "/perfeval.%d{yyyy-MM-dd}.%i.log.gz");
        rolling.setMaxFileSize(FileSize.valueOf("50MB"));
        rolling.setMaxHistory(30);
        rolling.setTotalSizeCap(FileSize.valueOf("2GB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(json ? json(context) : pattern(context, FILE_PATTERN));
        file.start();
        return file;
    }

    private static Encoder<ILoggingEvent> pattern(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithContext(false);
        encoder.start();
        return encoder;
    }
}
