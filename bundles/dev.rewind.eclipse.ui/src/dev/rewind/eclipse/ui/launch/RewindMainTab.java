package dev.rewind.eclipse.ui.launch;

import dev.rewind.eclipse.core.launch.LaunchAttributes;
import java.util.Arrays;
import java.util.List;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

/** Program, harts, RAM, quantum, history, stop on entry, a recording to open, source directories. */
public final class RewindMainTab extends AbstractLaunchConfigurationTab {

    private Text program;
    private Spinner harts;
    private Spinner ram;
    private Spinner quantum;
    private Button history;
    private Spinner interval;
    private Button stopOnEntry;
    private Text recording;
    private Text sources;
    private Text trace;

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        program = text(c, "Program (RISC-V ELF):");
        harts = spinner(c, "Harts:", 1, 64);
        ram = spinner(c, "RAM in MiB (0 = default):", 0, 4096);
        quantum = spinner(c, "Quantum in instructions (0 = default):", 0, 10_000_000);
        history = check(c, "Keep a history (step back, reverse resume, bookmarks)");
        interval = spinner(c, "Snapshot interval (instructions):", 1_000, 100_000_000);
        stopOnEntry = check(c, "Stop on entry");
        recording = text(c, "Open a recording instead (optional):");
        sources = text(c, "Source directories (separated by ';'):");
        trace = text(c, "Trace for the Trace view (calls,traps,mem=SYMBOL; empty: off):");
        setControl(c);
    }

    private Text text(Composite c, String label) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        t.addModifyListener(e -> updateLaunchConfigurationDialog());
        return t;
    }

    private Spinner spinner(Composite c, String label, int min, int max) {
        new Label(c, SWT.NONE).setText(label);
        Spinner s = new Spinner(c, SWT.BORDER);
        s.setValues(min, min, max, 0, 1, 10);
        s.addModifyListener(e -> updateLaunchConfigurationDialog());
        return s;
    }

    private Button check(Composite c, String label) {
        Button b = new Button(c, SWT.CHECK);
        b.setText(label);
        b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        b.addListener(SWT.Selection, e -> updateLaunchConfigurationDialog());
        return b;
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        LaunchAttributes.setDefaults(configuration);
    }

    @Override
    public void initializeFrom(ILaunchConfiguration c) {
        try {
            program.setText(c.getAttribute(LaunchAttributes.PROGRAM, ""));
            harts.setSelection(c.getAttribute(LaunchAttributes.HARTS, 4));
            ram.setSelection(c.getAttribute(LaunchAttributes.RAM_MIB, 0));
            quantum.setSelection(c.getAttribute(LaunchAttributes.QUANTUM, 0));
            history.setSelection(c.getAttribute(LaunchAttributes.HISTORY, true));
            interval.setSelection(c.getAttribute(LaunchAttributes.SNAPSHOT_INTERVAL, 200_000));
            stopOnEntry.setSelection(c.getAttribute(LaunchAttributes.STOP_ON_ENTRY, true));
            recording.setText(c.getAttribute(LaunchAttributes.RECORDING, ""));
            sources.setText(String.join(";", c.getAttribute(LaunchAttributes.SOURCE_DIRECTORIES, List.<String>of())));
            trace.setText(c.getAttribute(LaunchAttributes.TRACE, ""));
        } catch (CoreException e) {
            setErrorMessage("cannot read " + c.getName() + ": " + e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy c) {
        c.setAttribute(LaunchAttributes.PROGRAM, program.getText().trim());
        c.setAttribute(LaunchAttributes.HARTS, harts.getSelection());
        c.setAttribute(LaunchAttributes.RAM_MIB, ram.getSelection());
        c.setAttribute(LaunchAttributes.QUANTUM, quantum.getSelection());
        c.setAttribute(LaunchAttributes.HISTORY, history.getSelection());
        c.setAttribute(LaunchAttributes.SNAPSHOT_INTERVAL, interval.getSelection());
        c.setAttribute(LaunchAttributes.STOP_ON_ENTRY, stopOnEntry.getSelection());
        c.setAttribute(LaunchAttributes.RECORDING, recording.getText().trim());
        c.setAttribute(LaunchAttributes.SOURCE_DIRECTORIES, Arrays.stream(sources.getText().split(";"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList());
        c.setAttribute(LaunchAttributes.TRACE, trace.getText().trim());
    }

    @Override
    public boolean isValid(ILaunchConfiguration c) {
        setErrorMessage(program.getText().isBlank() ? "Give the program to run" : null);
        return !program.getText().isBlank();
    }

    @Override
    public String getName() {
        return "Program";
    }
}
