using Persona.Arm.Contracts;
using Persona.Hypervisor.Dma;
using Persona.Spec.Concrete;
using Persona.Spec.Model;
using Persona.Spec.Operations;
using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Hypervisor.Validation;

/// <summary>Strict mode: every guest data access (reported by the cores' access hook) is checked against the spec's state as the
/// validator last abstracted it, through the spec's own definitions: a RAM page must be one the running persona can access
/// (<see cref="State.CanAccess"/>), a store must also be a <c>writePage</c> or <c>postNotification</c> the spec's guard allows, and a
/// device register window must belong to a device the persona holds (<see cref="State.Holds"/>).</summary>
public sealed partial class Validator : IMemoryAccessObserver
{
    private static readonly State Strict = State.Named("s");
    private static readonly Term<bool> CanAccessTerm = Strict.CanAccess(Var<Component>("who"), Var<Page>("p"));
    private static readonly Term<bool> HoldsTerm = Strict.Holds(Var<Component>("who"), Var<Device>("d"));
    private static readonly Term<bool> WritePageGuard = PageOperations.WritePage.Guard(Strict);
    private static readonly Term<bool> PostNotificationGuard = PageOperations.PostNotification.Guard(Strict);
    private readonly Dictionary<(Component Who, long Target, bool IsWrite), bool> verdicts = [];
    private ConcreteState? verdictsFor;

    /// <summary>The number of guest accesses strict mode checked.</summary>
    public long AccessesChecked { get; private set; }

    /// <summary>The first guest access strict mode refused, or null.</summary>
    public Violation? FirstAccessViolation { get; private set; }

    /// <inheritdoc/>
    public void OnAccess(in MemoryAccess access)
    {
        if (access.ExceptionLevel >= 2 || FirstAccessViolation is not null)
            return;
        AccessesChecked++;
        // The persona whose vCPU made the access: the one live on that core (a core still switching runs the old one).
        var who = hypervisor.LivePersonaOf(access.CoreId) ?? hypervisor.Foreground;
        var frame = (long)(access.PhysicalAddress / HypervisorLayout.PageSize);
        var device = hypervisor.Ownership.Covers(frame) ? -1 : DeviceAt(access.PhysicalAddress);
        if (!hypervisor.Ownership.Covers(frame) && device < 0)
            return;
        // Verdicts hold until the next trap changes the abstract state: a guest touches few distinct pages between traps.
        if (!ReferenceEquals(verdictsFor, current))
        {
            verdicts.Clear();
            verdictsFor = current;
        }
        var key = (who, device >= 0 ? -1 - device : frame, access.IsWrite);
        if (!verdicts.TryGetValue(key, out var allowed))
            verdicts[key] = allowed = device >= 0 ? Allows(HoldsTerm, ("who", (int)who), ("d", (long)device)) : AllowsRam(who, frame, access.IsWrite);
        if (!allowed)
            RecordAccessViolation(access, who, frame, device);
    }

    private bool AllowsRam(Component who, long frame, bool isWrite)
    {
        (string, object)[] arguments = [("who", (int)who), ("p", frame)];
        return Allows(CanAccessTerm, arguments) && (!isWrite || Allows(WritePageGuard, arguments) || Allows(PostNotificationGuard, arguments));
    }

    private bool Allows(Term<bool> term, params (string Name, object Value)[] arguments) =>
        new Evaluator(world, new Dictionary<string, ConcreteState> { ["s"] = current }, arguments.ToDictionary(a => a.Name, a => a.Value)).IsTrue(term);

    private int DeviceAt(ulong physicalAddress)
    {
        for (var d = 0; d < hypervisor.Devices.Count; d++)
        {
            if (hypervisor.Devices.Describe(d).Mmio.Contains(physicalAddress))
                return d;
        }
        return -1;
    }

    private void RecordAccessViolation(in MemoryAccess access, Component who, long frame, int device)
    {
        // The core has moved PC past the instruction whose access this is.
        var instruction = ((Arm.Platform.InterpreterCore)hypervisor.Machine.Cores[access.CoreId]).Core.Pc - 4;
        var kind = access.IsWrite ? "write" : "read";
        var what = $"{who} {kind} of {access.Size} bytes by the instruction at 0x{instruction:x} (EL{access.ExceptionLevel}): VA 0x{access.VirtualAddress:x}, "
            + $"IPA {(access.IntermediateAddress is { } ipa ? $"0x{ipa:x}" : "none")}, PA 0x{access.PhysicalAddress:x}";
        string operation;
        string why;
        if (device >= 0)
        {
            var name = hypervisor.Devices.Describe(device).Name;
            operation = $"an access to device {name}'s registers, which {who} must hold";
            why = $"the spec says {name} is {((bool)((MapValue)current[Fields.DeviceAssigned.Name]).Get((long)device) ? $"held by {(Component)(int)((MapValue)current[Fields.DeviceOwner.Name]).Get((long)device)}" : "unassigned")}";
        }
        else
        {
            operation = access.IsWrite ? $"writePage(who={who}, p=frame 0x{frame:x}) or postNotification" : $"a read of a page {who} can access (frame 0x{frame:x})";
            var states = (MapValue)current[Fields.PageStates.Name];
            why = $"frame 0x{frame:x}: the spec's pageState is {string.Join(", ", Enum.GetValues<Component>().Select(c => $"{c} {(PageState)(int)((MapValue)states.Get((int)c)).Get(frame)}"))}"
                + $", mapped for {who}: {((MapValue)((MapValue)current[Fields.Mapped.Name]).Get((int)who)).Get(frame)}";
        }
        FirstAccessViolation = new Violation($"strict: {what}", operation, [], [what, why]);
        FirstViolation ??= FirstAccessViolation;
        if (StopOnViolation)
            hypervisor.Machine.PowerOffSystem(0);
    }
}
