using Persona.Arm.Contracts;
using Persona.Arm.Platform;

namespace Persona.Arm.Tests.Platform;

/// <summary>A stand-in core that retires instructions without executing any, logs each slice, and can be told to WFI or power off.</summary>
internal sealed class ScriptedCore(int coreId, List<string> log) : IMachineCore, IGeneralRegisters
{
    private readonly ulong[] x = new ulong[31];
    private bool stop;

    /// <summary>Retired-instruction counts after which this core executes WFI.</summary>
    public Queue<ulong> WaitAt { get; } = new();

    /// <summary>Invoked when the core has retired this many instructions (e.g. to call PSCI).</summary>
    public Dictionary<ulong, Action<ScriptedCore>> Actions { get; } = [];

    public ulong Retired { get; private set; }

    public bool IsPoweredOn { get; private set; }

    public bool IsWaitingForInterrupt { get; private set; }

    public int ExceptionLevel { get; private set; }

    public int CoreId => coreId;

    public IExceptionObserver? ExceptionObserver { get; set; }

    public bool Irq { get; private set; }

    public void PowerOn(ulong entry, ulong contextId, int exceptionLevel)
    {
        IsPoweredOn = true;
        ExceptionLevel = exceptionLevel;
        x[0] = contextId;
        log.Add($"core{coreId} on at 0x{entry:X} EL{exceptionLevel}");
    }

    public void PowerOff() => IsPoweredOn = false;

    public void RequestStop() => stop = true;

    public int Run(int maxInstructions)
    {
        stop = false;
        var start = Retired;
        while (Retired - start < (ulong)maxInstructions && IsPoweredOn && !stop)
        {
            Retired++;
            if (Actions.TryGetValue(Retired, out var action))
                action(this);
            if (WaitAt.TryPeek(out var at) && at == Retired)
            {
                WaitAt.Dequeue();
                IsWaitingForInterrupt = true;
                break;
            }
        }
        log.Add($"core{coreId} ran {Retired - start}");
        return (int)(Retired - start);
    }

    public void SetPhysicalInterrupt(bool irq, bool fiq) => Irq = irq;

    public void SetVirtualInterrupt(bool irq, bool fiq)
    {
    }

    public void Wake()
    {
        if (IsWaitingForInterrupt)
            log.Add($"core{coreId} woken");
        IsWaitingForInterrupt = false;
    }

    public ulong GetX(int n) => x[n];

    public void SetX(int n, ulong value) => x[n] = value;
}
