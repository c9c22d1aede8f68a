package dev.rewind.launcher;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Drives Gogo from outside the framework. The launcher does not share Gogo's API classes with the
 * bundles, so it reaches the CommandProcessor through the interface classes of the bundle that registered it.
 */
final class GogoSession {

    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";

    private final BundleContext context;
    private final Object processor;
    private final Class<?> processorType;
    private final Class<?> sessionType;

    private GogoSession(BundleContext context, Object processor, Class<?> processorType, Class<?> sessionType) {
        this.context = context;
        this.processor = processor;
        this.processorType = processorType;
        this.sessionType = sessionType;
    }

    static GogoSession connect(BundleContext context) throws LaunchException {
        ServiceReference<?> reference = context.getServiceReference(PROCESSOR);
        if (reference == null) {
            throw new LaunchException("the Gogo command processor is not running", null);
        }
        try {
            Class<?> processorType = reference.getBundle().loadClass(PROCESSOR);
            Class<?> sessionType = reference.getBundle().loadClass(SESSION);
            return new GogoSession(context, context.getService(reference), processorType, sessionType);
        } catch (ClassNotFoundException e) {
            throw new LaunchException("the Gogo runtime does not provide " + e.getMessage(), e);
        }
    }

    /** Only {@link #hasCommand} and {@link #invokeForExitCode}: the services of the commands, without Gogo. */
    static GogoSession direct(BundleContext context) {
        return new GogoSession(context, null, null, null);
    }

    boolean hasCommand(String scope, String function) {
        return commandService(scope, function) != null;
    }

    private ServiceReference<?> commandService(String scope, String function) {
        if (!function.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            return null;
        }
        try {
            // (all: with the run's jars on the JVM's class path, jvmopts.sh, the launcher's context sees other copies of
            // the command classes than the bundles', and Felix would leave their services out of getServiceReferences)
            ServiceReference<?>[] refs = context.getAllServiceReferences((String) null,
                    "(&(osgi.command.scope=" + scope + ")(osgi.command.function=" + function + "))");
            return refs == null || refs.length == 0 ? null : refs[0];
        } catch (InvalidSyntaxException e) {
            return null;
        }
    }

    /** Runs Gogo text; prints the last result when asked; 0 on success, 1 when a command failed. */
    int execute(String text, PrintStream out, PrintStream err, boolean printResult) {
        try {
            Method create = processorType.getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class);
            Object session = create.invoke(processor, System.in, out, err);
            try {
                Object result = sessionType.getMethod("execute", CharSequence.class).invoke(session, text);
                if (printResult && result != null) {
                    Object formatted = result instanceof CharSequence ? result
                            : sessionType.getMethod("format", Object.class, int.class).invoke(session, result, 1);
                    out.println(formatted);
                }
                return Main.EXIT_OK;
            } finally {
                sessionType.getMethod("close").invoke(session);
            }
        } catch (InvocationTargetException e) {
            err.println("rewind: " + describe(e.getCause()));
            return Main.EXIT_FAILURE;
        } catch (ReflectiveOperationException e) {
            err.println("rewind: cannot drive the Gogo shell: " + e);
            return Main.EXIT_FAILURE;
        }
    }

    /** A session kept open over many lines (the interactive shell). */
    Object open(InputStream in, PrintStream out, PrintStream err) throws ReflectiveOperationException {
        Method create = processorType.getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class);
        return create.invoke(processor, in, out, err);
    }

    /** Executes one line in {@code session}; the command's own exception is thrown as the cause. */
    Object executeIn(Object session, String text) throws InvocationTargetException, ReflectiveOperationException {
        return sessionType.getMethod("execute", CharSequence.class).invoke(session, text);
    }

    /** The session's formatting of a result, as Gogo's console prints it. */
    CharSequence format(Object session, Object result) throws ReflectiveOperationException {
        return result instanceof CharSequence ? (CharSequence) result
                : (CharSequence) sessionType.getMethod("format", Object.class, int.class).invoke(session, result, 1);
    }

    void close(Object session) throws ReflectiveOperationException {
        sessionType.getMethod("close").invoke(session);
    }

    /**
     * Calls the command {@code scope:function} with the raw argument words, bypassing Gogo's parser so that
     * file names and options arrive untouched. The command's method takes {@code String...}; an Integer result
     * is the process exit code, any other result is printed. IllegalArgumentException means a usage error.
     */
    int invokeForExitCode(String command, List<String> args, PrintStream out, PrintStream err) {
        String[] parts = command.split(":", 2);
        ServiceReference<?> reference = commandService(parts[0], parts[1]);
        Object service = reference == null ? null : context.getService(reference);
        if (service == null) {
            err.println("rewind: command " + command + " is not available");
            return Main.EXIT_FAILURE;
        }
        try {
            Object result;
            if (args.isEmpty() && hasNoArgMethod(service, parts[1])) {
                result = service.getClass().getMethod(parts[1]).invoke(service);
            } else {
                Method method = service.getClass().getMethod(parts[1], String[].class);
                result = method.invoke(service, (Object) args.toArray(new String[0]));
            }
            return exitCode(result, out);
        } catch (NoSuchMethodException e) {
            err.println("rewind: command " + command + " does not take plain arguments");
            return Main.EXIT_FAILURE;
        } catch (InvocationTargetException e) {
            return exitCode(e, err);
        } catch (IllegalAccessException e) {
            err.println("rewind: cannot call " + command + ": " + e);
            return Main.EXIT_FAILURE;
        } finally {
            context.ungetService(reference);
        }
    }

    private static boolean hasNoArgMethod(Object service, String name) {
        try {
            service.getClass().getMethod(name);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** A command's exit code from what it returned: an Integer itself, anything else printed on {@code out}, then 0. */
    static int exitCode(Object result, PrintStream out) {
        if (result instanceof Integer) {
            return (Integer) result;
        }
        if (result != null) {
            out.println(result);
        }
        return Main.EXIT_OK;
    }

    /** A command's exit code when it threw: its message on {@code err}; usage for a bad argument, else failure. */
    static int exitCode(InvocationTargetException thrown, PrintStream err) {
        Throwable cause = thrown.getCause();
        err.println("rewind: " + describe(cause));
        return cause instanceof IllegalArgumentException ? Main.EXIT_USAGE : Main.EXIT_FAILURE;
    }

    static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.toString() : message;
    }
}
