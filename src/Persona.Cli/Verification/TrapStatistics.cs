using System.Globalization;
using System.Text.RegularExpressions;
using Persona.Arm.Cpu;
using Persona.Hypervisor;
using Persona.Spec.Platforms;

namespace Persona.Cli.Verification;

/// <summary>The broad kinds of trap the statistics group by.</summary>
public enum TrapClass
{
    /// <summary>HVC: a hypercall, detailed by function.</summary>
    Hypercall,

    /// <summary>A stage-2 data abort, detailed by the device (or unmapped address) touched.</summary>
    DataAbort,

    /// <summary>WFI or WFE trapped: the persona is idle.</summary>
    WaitForInterrupt,

    /// <summary>SMC: a firmware (PSCI) call, detailed by function.</summary>
    SecureMonitorCall,

    /// <summary>An asynchronous exception taken to EL2 (IRQ, FIQ, SError).</summary>
    Interrupt,

    /// <summary>Any other exception class.</summary>
    Other,
}

/// <summary>How many traps of one class and detail each persona took.</summary>
/// <param name="Class">The trap class.</param>
/// <param name="Detail">The hypercall function, device, PSCI function or exception class.</param>
/// <param name="Personal">Traps taken by the personal persona.</param>
/// <param name="Work">Traps taken by the work persona.</param>
public sealed record TrapTally(TrapClass Class, string Detail, long Personal, long Work)
{
    /// <summary>Traps taken by both personas.</summary>
    public long Total => Personal + Work;
}

/// <summary>The validated scenario's traps counted by class, detail and persona, with world switches and validation counts.</summary>
/// <param name="Tallies">Counts per class and detail, ordered by class then by count.</param>
/// <param name="Traps">All traps recorded.</param>
/// <param name="WorldSwitches">Traps that ended in a world switch.</param>
/// <param name="OwnershipChanges">Traps after which some page's ownership differs from the snapshot before.</param>
/// <param name="Validated">Traps the validator checked.</param>
public sealed record TrapStatistics(IReadOnlyList<TrapTally> Tallies, long Traps, long WorldSwitches, long OwnershipChanges, long Validated)
{
    /// <summary>Traps taken by the personal persona.</summary>
    public long Personal => Tallies.Sum(t => t.Personal);

    /// <summary>Traps taken by the work persona.</summary>
    public long Work => Tallies.Sum(t => t.Work);
}

/// <summary>Sorts a trap into its class and detail from its syndrome (ESR_EL2) and the hypervisor's description of it.</summary>
public static partial class TrapClassifier
{
    /// <summary>The class and detail of a trap on a platform.</summary>
    public static (TrapClass Class, string Detail) Classify(TrapRecord trap, Platform platform)
    {
        // The hypervisor describes asynchronous exceptions as "<kind> interrupt"; their syndrome carries no exception class.
        if (trap.Description.EndsWith(" interrupt", StringComparison.Ordinal))
            return (TrapClass.Interrupt, trap.Description[..^" interrupt".Length].ToUpperInvariant());
        var ec = (ExceptionClass)(trap.Syndrome >> 26);
        return ec switch
        {
            ExceptionClass.Hvc64 => (TrapClass.Hypercall, HypercallName().Match(trap.Description) is { Success: true } m ? m.Groups[1].Value : "unknown"),
            ExceptionClass.DataAbortLowerEl => (TrapClass.DataAbort, Device(trap.Description, platform)),
            ExceptionClass.WfxTrap => (TrapClass.WaitForInterrupt, "WFI"),
            ExceptionClass.Smc64 => (TrapClass.SecureMonitorCall, trap.Description.StartsWith("SMC ", StringComparison.Ordinal) ? trap.Description[4..] : trap.Description),
            _ => (TrapClass.Other, ec.ToString()),
        };
    }

    private static string Device(string description, Platform platform)
    {
        var m = AbortAddress().Match(description);
        // A guest chooses the address; whatever the description holds, classifying it must not throw.
        if (!m.Success || !ulong.TryParse(m.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var ipa)) return "no valid syndrome";
        var access = m.Groups[1].Value;
        if (ipa >= HypervisorLayout.UartIpa && ipa - HypervisorLayout.UartIpa < HypervisorLayout.UartSize)
            return $"virtual UART {access}";
        return platform.Devices.FirstOrDefault(d => d.Mmio.Contains(ipa)) is { } device
            ? $"{device.Name} {access} (denied)"
            : $"unmapped {access} (denied)";
    }

    [GeneratedRegex(@"^HVC 0x[0-9a-f]+\((\w+)")]
    private static partial Regex HypercallName();

    [GeneratedRegex(@"data abort (read|write) IPA 0x([0-9a-f]+)")]
    private static partial Regex AbortAddress();
}
