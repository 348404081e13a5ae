using System.CommandLine;
using Persona.Arm.Contracts;
using Persona.Arm.Platform;
using Persona.Arm.Platform.Devices;

namespace Persona.Cli.Commands;

/// <summary><c>persona emu IMAGE.elf [--cores N] [--trace-exceptions] [--max-instructions N] [--disk FILE]</c>: runs a bare-metal image as QEMU virt would.</summary>
public static class EmuCommand
{
    /// <summary>Builds the <c>emu</c> command.</summary>
    public static Command Create()
    {
        var image = new Argument<string>("IMAGE.elf") { Description = "A bare-metal AArch64 ELF, started at its entry at EL2." };
        // Numbers are taken as text and parsed here, so a bad value gets exit code 2 like any other bad input.
        var cores = new Option<string>("--cores") { Description = "The number of cores (1 to 16).", DefaultValueFactory = _ => "1" };
        var trace = new Option<bool>("--trace-exceptions") { Description = "Print every exception taken to stderr." };
        var limit = new Option<string?>("--max-instructions") { Description = "Stop after this many instructions in total." };
        var disk = new Option<string?>("--disk") { Description = "A raw disk file for the virtio-mmio block device at 0x0A003E00 (read and written in place)." };
        var command = new Command("emu", "Run a bare-metal AArch64 image on the emulated QEMU-virt-like machine; the UART goes to stdout.")
        {
            image, cores, trace, limit, disk,
        };
        command.SetAction(parse => ExitCodes.Run(() => Run(
            parse.GetValue(image)!,
            ParseNumber("--cores", parse.GetValue(cores)!),
            parse.GetValue(trace),
            parse.GetValue(limit) is { } text ? (ulong)ParseNumber("--max-instructions", text) : null,
            parse.GetValue(disk))));
        return command;
    }

    /// <summary>Runs the image and returns the exit code: 0 on PSCI SYSTEM_OFF, 1 when the guest stopped otherwise, 2 on bad input.</summary>
    public static int Run(string imagePath, long coreCount, bool traceExceptions, ulong? maxInstructions, string? diskPath = null)
    {
        if (coreCount is < 1 or > Machine.MaxCores)
            throw new UserInputException($"--cores {coreCount}: must be between 1 and {Machine.MaxCores}");
        using var disk = diskPath is null ? null : OpenDisk(diskPath);
        using var stdout = Console.OpenStandardOutput();
        var options = new MachineOptions { CoreCount = (int)coreCount, BlockStore = disk };
        var machine = new Machine(options, InterpreterCore.Factory(), stdout);
        machine.LoadAndStart(imagePath);
        if (traceExceptions)
            machine.ExceptionObserver = new ExceptionTracer(Console.Error);
        var result = machine.Run(maxInstructions ?? ulong.MaxValue);
        stdout.Flush();
        if (result.Reason == MachineStopReason.SystemOff)
            return ExitCodes.Ok;
        Console.Error.WriteLine($"persona emu: {imagePath}: stopped without SYSTEM_OFF ({Describe(result.Reason)}) after {result.Instructions} instructions at tick {result.Ticks}");
        return ExitCodes.VerificationFailed;
    }

    private static FileBlockStore OpenDisk(string path)
    {
        try
        {
            return new FileBlockStore(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"--disk {path}: cannot be opened for reading and writing ({e.Message})");
        }
    }

    private static long ParseNumber(string option, string text) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UserInputException($"{option} {text}: not a non-negative whole number");

    private static string Describe(MachineStopReason reason) => reason switch
    {
        MachineStopReason.InstructionLimit => "instruction limit reached",
        MachineStopReason.Deadlock => "every core waits for an interrupt that no timer will raise",
        MachineStopReason.AllCoresOff => "every core is off",
        _ => reason.ToString(),
    };

    /// <summary>Prints one line per exception, in the order taken.</summary>
    private sealed class ExceptionTracer(TextWriter output) : IExceptionObserver
    {
        public void OnExceptionTaken(in ExceptionRecord r) =>
            output.WriteLine(
                $"core {r.CoreId}: {r.Kind} EL{r.FromLevel}->EL{r.ToLevel} ESR=0x{r.Syndrome:X} FAR=0x{r.FaultAddress:X} " +
                $"HPFAR=0x{r.IntermediatePhysicalFaultAddress:X} ELR=0x{r.ReturnAddress:X} SPSR=0x{r.SavedProgramStatus:X} vector=0x{r.VectorAddress:X}");
    }
}
