package org.perfeval.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The parsed arguments of {@code java -jar perfeval.jar COMMAND [options]} (SPEC §2). */
public record CommandLine(String command, Path home, Integer year, String dept, List<Path> files) {

    public static final Set<String> COMMANDS = Set.of("run", "once", "report", "consolidate", "validate", "demo");

    public static final String USAGE = """
            perfeval — 部门整体支出绩效自评报告 from finance-system exports

            Usage: java -jar perfeval.jar COMMAND [--home DIR] [options]

            Commands:
              run                       watch inbox/, regenerate reports, run the nightly consolidation, serve HTTP
              once                      process every file now in inbox/, regenerate the affected reports, exit
              report [--year Y] [--dept CODE]
                                        rewrite reports from the database
              consolidate               run the nightly consolidation now
              validate FILE...          dry run: detect, parse and validate files; writes nothing
              demo                      copy the bundled example exports into inbox/, then do 'once'

            Options:
              --home DIR                the home folder (config/, inbox/, outbox/, data/, logs/); default: current folder
              --help                    this text

            Exit status: 0 success, 1 a file or report failed, 2 wrong usage.
            """;

    /** Thrown for wrong usage; the message says what was wrong. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /** @return null when help was asked for */
    public static CommandLine parse(String[] args) throws UsageException {
        String command = null;
        Path home = Path.of("");
        Integer year = null;
        String dept = null;
        List<Path> files = new ArrayList<>();
        Set<String> given = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg.startsWith("--home=") ? "--home" : arg;
            if (Set.of("--home", "--year", "--dept").contains(option) && !given.add(option)) {
                // report --dept A --dept B had written B's reports only, without a word
                throw new UsageException(option + " 只能给一次 / " + option + " may be given once");
            }
            switch (arg) {
                case "--help", "-h", "help" -> {
                    return null;
                }
                case "--home" -> home = Path.of(value(args, ++i, arg));
                case "--year" -> {
                    String v = value(args, ++i, arg);
                    try {
                        year = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--year 应为年份，如 2024，而不是“" + v + "”。 --year expects a year such as 2024, not '" + v + "'");
                    }
                }
                case "--dept" -> dept = value(args, ++i, arg);
                default -> {
                    if (arg.startsWith("--home=")) {
                        home = Path.of(arg.substring("--home=".length()));
                    } else if (arg.startsWith("-")) {
                        throw new UsageException("未知的选项 / unknown option: " + arg);
                    } else if (command == null) {
                        if (!COMMANDS.contains(arg)) {
                            throw new UsageException("未知的命令 / unknown command: " + arg);
                        }
                        command = arg;
                    } else if (command.equals("validate")) {
                        files.add(Path.of(arg));
                    } else {
                        throw new UsageException("多余的参数 / unexpected argument: " + arg);
                    }
                }
            }
        }
        if (command == null) {
            throw new UsageException("没有给出命令 / no command given");
        }
        if (command.equals("validate") && files.isEmpty()) {
            throw new UsageException("validate 至少需要一个文件 / validate needs at least one FILE");
        }
        if ((year != null || dept != null) && !command.equals("report")) {
            throw new UsageException("--year 和 --dept 只用于 report 命令 / --year and --dept go with the report command");
        }
        return new CommandLine(command, home.toAbsolutePath().normalize(), year, dept, List.copyOf(files));
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " 后面缺少值 / " + option + " needs a value");
        }
        return args[i];
    }
}
