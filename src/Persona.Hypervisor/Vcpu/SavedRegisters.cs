using Persona.Arm.Contracts;
using Persona.Arm.Cpu;

namespace Persona.Hypervisor.Vcpu;

/// <summary>The one list of registers a world switch saves and restores, read by the switch and by the validator alike.</summary>
/// <remarks>General registers X0-X30 come first (ids 0-30); then the core-owned EL1/EL2 system registers; then the timer and
/// virtual GIC registers the platform implements (CNTVOFF_EL2, CNTV_*, ICH_*), addressed by encoding.</remarks>
public static class SavedRegisters
{
    /// <summary>The core-owned system registers in a persona's context (EL1 state, and EL2's view of the guest: ELR/SPSR, VTTBR).</summary>
    public static IReadOnlyList<SystemRegister> CoreOwned { get; } =
    [
        SystemRegister.SpEl0, SystemRegister.SpEl1, SystemRegister.ElrEl1, SystemRegister.SpsrEl1, SystemRegister.SctlrEl1,
        SystemRegister.ActlrEl1, SystemRegister.CpacrEl1, SystemRegister.Ttbr0El1, SystemRegister.Ttbr1El1, SystemRegister.TcrEl1,
        SystemRegister.Afsr0El1, SystemRegister.Afsr1El1, SystemRegister.EsrEl1, SystemRegister.FarEl1, SystemRegister.ParEl1,
        SystemRegister.MairEl1, SystemRegister.AmairEl1, SystemRegister.VbarEl1, SystemRegister.ContextidrEl1, SystemRegister.TpidrEl1,
        SystemRegister.TpidrEl0, SystemRegister.TpidrroEl0, SystemRegister.CsselrEl1, SystemRegister.MdscrEl1,
        SystemRegister.ElrEl2, SystemRegister.SpsrEl2, SystemRegister.VttbrEl2,
    ];

    /// <summary>The platform-implemented registers in a persona's context: the virtual timer with its offset, and the virtual GIC.</summary>
    public static IReadOnlyList<(string Name, SystemRegisterKey Key)> Platform { get; } =
    [
        ("CNTVOFF_EL2", SystemRegisterKey.Of(3, 4, 14, 0, 3)),
        ("CNTV_CVAL_EL0", SystemRegisterKey.Of(3, 3, 14, 3, 2)),
        ("CNTV_CTL_EL0", SystemRegisterKey.Of(3, 3, 14, 3, 1)),
        ("CNTKCTL_EL1", SystemRegisterKey.Of(3, 0, 14, 1, 0)),
        ("ICH_HCR_EL2", SystemRegisterKey.Of(3, 4, 12, 11, 0)),
        ("ICH_VMCR_EL2", SystemRegisterKey.Of(3, 4, 12, 11, 7)),
        ("ICH_AP0R0_EL2", SystemRegisterKey.Of(3, 4, 12, 8, 0)),
        ("ICH_AP1R0_EL2", SystemRegisterKey.Of(3, 4, 12, 9, 0)),
        ("ICH_LR0_EL2", SystemRegisterKey.Of(3, 4, 12, 12, 0)),
        ("ICH_LR1_EL2", SystemRegisterKey.Of(3, 4, 12, 12, 1)),
        ("ICH_LR2_EL2", SystemRegisterKey.Of(3, 4, 12, 12, 2)),
        ("ICH_LR3_EL2", SystemRegisterKey.Of(3, 4, 12, 12, 3)),
    ];

    /// <summary>The number of registers in a context.</summary>
    public static int Count => 31 + CoreOwned.Count + Platform.Count;

    /// <summary>The name of register <paramref name="index"/> of a context, for evidence.</summary>
    public static string NameOf(int index) =>
        index < 31 ? $"X{index}"
        : index < 31 + CoreOwned.Count ? CoreOwned[index - 31].ToString()
        : Platform[index - 31 - CoreOwned.Count].Name;

    /// <summary>Reads every register of the live context from a core, in list order.</summary>
    public static ulong[] Capture(Core core) => CaptureInto(core, null);

    /// <summary>Reads every register of the live context into a buffer (a new one when it is null or of another length) and returns it.</summary>
    public static ulong[] CaptureInto(Core core, ulong[]? buffer)
    {
        var values = buffer is { Length: var n } && n == Count ? buffer : new ulong[Count];
        for (var i = 0; i < 31; i++)
            values[i] = core.GetX(i);
        for (var i = 0; i < CoreOwned.Count; i++)
            values[31 + i] = core.ReadSystemRegister(CoreOwned[i]);
        for (var i = 0; i < Platform.Count; i++)
            values[31 + CoreOwned.Count + i] = core.ReadSystemRegister(Platform[i].Key);
        return values;
    }

    /// <summary>Writes every register of a context into a core, in list order.</summary>
    public static void Restore(Core core, ulong[] values)
    {
        for (var i = 0; i < 31; i++)
            core.SetX(i, values[i]);
        for (var i = 0; i < CoreOwned.Count; i++)
            core.WriteSystemRegister(CoreOwned[i], values[31 + i]);
        for (var i = 0; i < Platform.Count; i++)
            core.WriteSystemRegister(Platform[i].Key, values[31 + CoreOwned.Count + i]);
    }

    /// <summary>The index of a platform-implemented register (by its name in <see cref="Platform"/>) in a context.</summary>
    public static int IndexOfPlatform(string name) =>
        31 + CoreOwned.Count + Platform.ToList().FindIndex(r => r.Name == name) is var i && i >= 31 + CoreOwned.Count
            ? i : throw new ArgumentException($"{name} is not in a persona's context", nameof(name));

    /// <summary>The encoding of a platform-implemented register (by its name in <see cref="Platform"/>).</summary>
    public static SystemRegisterKey KeyOfPlatform(string name) => Platform[IndexOfPlatform(name) - 31 - CoreOwned.Count].Key;

    /// <summary>The bits of register <paramref name="index"/> that are state a switch must restore: CNTV_CTL_EL0.ISTATUS is computed
    /// from the counter (it may rise while the persona waits in the background), not saved state.</summary>
    public static ulong RestoredBits(int index) => index == IndexOfPlatform("CNTV_CTL_EL0") ? ~TimerStatusBit : ulong.MaxValue;

    private const ulong TimerStatusBit = 1 << 2;

    /// <summary>Whether register <paramref name="index"/> is one of the virtual GIC's list registers (the only ones the hypervisor
    /// edits in a saved context: it injects interrupts there).</summary>
    public static bool IsListRegister(int index) => NameOf(index).StartsWith("ICH_LR", StringComparison.Ordinal);

    /// <summary>The index of a core-owned register in a context.</summary>
    public static int IndexOf(SystemRegister register) => 31 + CoreOwned.ToList().IndexOf(register);
}
