using Persona.Arm.Contracts;
using Persona.Arm.Loading;
using Persona.Arm.Platform.Devices;

namespace Persona.Arm.Platform;

/// <summary>A QEMU-virt-like AArch64 machine: N cores, RAM at 0x4000_0000, GICv3, generic timers, PL011, PSCI and virtio-mmio block.</summary>
/// <remarks>Everything runs on virtual time (<see cref="VirtualClock"/>) under one deterministic <see cref="IScheduler"/>,
/// so two runs of the same image with the same options retire the same instructions in the same order.</remarks>
public sealed partial class Machine : IPlatformServices, IPowerController
{
    /// <summary>The largest number of cores the GIC affinity scheme used here supports.</summary>
    public const int MaxCores = 16;

    private readonly IMachineCore[] cores;
    private readonly IScheduler scheduler;
    private readonly Psci psci;
    private readonly ulong ticksPerInstruction;
    private bool systemOff;

    /// <summary>Builds the machine; the UART writes to <paramref name="uartOutput"/>.</summary>
    public Machine(MachineOptions options, CoreFactory coreFactory, Stream uartOutput)
    {
        if (options.CoreCount is < 1 or > MaxCores)
            throw new ArgumentOutOfRangeException(nameof(options), options.CoreCount, $"the core count must be between 1 and {MaxCores}");
        Options = options;
        ticksPerInstruction = options.TicksPerInstruction;
        scheduler = options.Scheduler ?? new RoundRobinScheduler();
        Clock = new VirtualClock { TicksPerInstruction = ticksPerInstruction };
        Bus = new PhysicalBus(new RamRegion(PlatformMap.RamBase, new byte[options.RamSize]));
        Gic = new Gicv3(options.CoreCount);
        Timer = new GenericTimer(options.CoreCount, Clock, Gic) { Reprogrammed = OnTimerReprogrammed };
        Uart = new Pl011Uart(uartOutput);
        psci = new Psci(this);
        Bus.Map(PlatformMap.GicDistributorBase, PlatformMap.GicDistributorSize, Gic.Distributor);
        Bus.Map(PlatformMap.GicRedistributorBase, PlatformMap.GicRedistributorStride * (ulong)options.CoreCount, Gic.Redistributors);
        Bus.Map(PlatformMap.UartBase, PlatformMap.UartSize, Uart);
        var virtio = new VirtioMmioSlots(options.VirtioLegacy);
        if (options.BlockStore is { } store)
        {
            Block = new VirtioBlock(store, Bus, Gic, PlatformMap.VirtioBlockInterrupt, options.VirtioLegacy);
            virtio.Attach(PlatformMap.VirtioBlockSlot, Block);
        }
        Bus.Map(PlatformMap.VirtioBase, PlatformMap.VirtioSize * VirtioMmioSlots.SlotCount, virtio);
        ISystemRegisterDevice[] systemRegisterDevices = [Gic, Timer];
        cores = new IMachineCore[options.CoreCount];
        for (var c = 0; c < cores.Length; c++)
        {
            cores[c] = coreFactory(c, Bus, this, systemRegisterDevices);
            Gic.Connect(c, cores[c]);
        }
    }

    /// <summary>The options the machine was built with.</summary>
    public MachineOptions Options { get; }

    /// <summary>The physical bus (RAM and MMIO).</summary>
    public PhysicalBus Bus { get; }

    /// <summary>Virtual time.</summary>
    public VirtualClock Clock { get; }

    /// <summary>The interrupt controller.</summary>
    public Gicv3 Gic { get; }

    /// <summary>The generic timers of all cores.</summary>
    public GenericTimer Timer { get; }

    /// <summary>The PL011 UART.</summary>
    public Pl011Uart Uart { get; }

    /// <summary>The virtio block device, when a backing store was given.</summary>
    public VirtioBlock? Block { get; }

    /// <summary>The cores, by index.</summary>
    public IReadOnlyList<IMachineCore> Cores => cores;

    /// <summary>True once the guest has called SYSTEM_OFF.</summary>
    public bool IsSystemOff => systemOff;

    /// <inheritdoc />
    public ulong PhysicalCount => Clock.Ticks;

    /// <inheritdoc />
    public ulong CounterFrequency => Timer.Frequency;

    /// <inheritdoc />
    public int CoreCount => cores.Length;

    /// <summary>Sets the observer told of every exception any core takes.</summary>
    public IExceptionObserver? ExceptionObserver
    {
        set
        {
            foreach (var core in cores)
                core.ExceptionObserver = value;
        }
    }

    /// <summary>Loads an ELF image into RAM and powers core 0 on at its entry at EL2, as QEMU's -kernel does with virtualization=on.</summary>
    public LoadedImage LoadAndStart(string imagePath)
    {
        var image = ElfLoader.LoadFile(imagePath, Bus.Ram);
        Start(image.EntryPoint);
        return image;
    }

    /// <summary>Powers core 0 on at <paramref name="entry"/> at EL2; the other cores stay off until PSCI CPU_ON.</summary>
    public void Start(ulong entry) => cores[0].PowerOn(entry, 0, 2);

    /// <inheritdoc />
    public bool TryHandleFirmwareCall(int coreId, IGeneralRegisters registers, bool isSmc) => psci.TryHandle(coreId, registers, isSmc);

    /// <inheritdoc />
    public bool IsPoweredOn(int coreId) => cores[coreId].IsPoweredOn;

    /// <inheritdoc />
    public void PowerOnCore(int callerCoreId, int targetCoreId, ulong entry, ulong contextId) =>
        cores[targetCoreId].PowerOn(entry, contextId, cores[callerCoreId].ExceptionLevel);

    /// <inheritdoc />
    public void PowerOffCore(int coreId)
    {
        cores[coreId].PowerOff();
        cores[coreId].RequestStop();
    }

    /// <inheritdoc />
    public void PowerOffSystem(int coreId)
    {
        systemOff = true;
        cores[coreId].RequestStop();
    }
}
