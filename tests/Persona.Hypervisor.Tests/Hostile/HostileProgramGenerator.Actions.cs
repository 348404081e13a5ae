using static Persona.Hypervisor.Tests.Hostile.A64;

namespace Persona.Hypervisor.Tests.Hostile;

/// <summary>The generator's actions: each emits a short stretch of code and one listing line.</summary>
internal sealed partial class HostileProgramGenerator
{
    private static readonly SysEncoding VbarEl1 = new(3, 0, 12, 0, 0);
    private static readonly SysEncoding SctlrEl1 = new(3, 0, 1, 0, 0);
    private static readonly SysEncoding ElrEl1 = new(3, 0, 4, 0, 1);
    private static readonly SysEncoding SpsrEl1 = new(3, 0, 4, 0, 0);
    private static readonly SysEncoding IccSgi1r = new(3, 0, 12, 11, 5);
    private static readonly SysEncoding CntvCtl = new(3, 3, 14, 3, 1);
    private static readonly SysEncoding CntvCval = new(3, 3, 14, 3, 2);

    /// <summary>SCTLR_EL1's RES1 bits with the MMU and caches off.</summary>
    private const ulong SctlrOff = 0x30D0_0800;

    private void Act()
    {
        var roll = random.Next(100);
        switch (roll)
        {
            case < 14: WriteSystemRegister(); break;
            case < 20: ReadSystemRegister(); break;
            case < 32: Hypercall(); break;
            case < 38: Psci(); break;
            case < 58: MemoryAccess(); break;
            case < 62: HostileVirtqueue(); break;
            case < 63: ModemLine(); break;
            case < 64: DmaTransfer(); break;
            case < 70: Maintenance(); break;
            case < 73: Wait(); break;
            case < 77: CraftedEret(); break;
            case < 81: TakeException(); break;
            case < 84: StackTrick(); break;
            case < 87: SelfModify(); break;
            case < 90: SgiStorm(); break;
            case < 93: TimerStorm(); break;
            case < 96: Interrupts(); break;
            case < 98: StageOne(); break;
            default: Vectors(); break;
        }
    }

    private void WriteSystemRegister()
    {
        var (name, encoding) = random.Next(6) == 0 ? RandomEncoding() : HostileTargets.SystemRegisters[random.Next(HostileTargets.SystemRegisters.Length)];
        // SCTLR_EL1.M only through the identity map (StageOne): random tables would make every fetch fault, the vectors' included.
        var value = encoding == SctlrEl1 ? (AnyValue() & ~1UL) | SctlrOff
            : encoding == VbarEl1 && random.Next(8) != 0 ? region + HostileLayout.VectorsOffset
            : AnyValue();
        Note($"MSR {name}, 0x{value:x}");
        Load(Value, value);
        Emit(Msr(encoding, Value));
        Emit(Isb);
    }

    private void ReadSystemRegister()
    {
        var (name, encoding) = random.Next(6) == 0 ? RandomEncoding() : HostileTargets.SystemRegisters[random.Next(HostileTargets.SystemRegisters.Length)];
        var rt = AnyRegister();
        Note($"MRS x{rt}, {name}");
        Emit(Mrs(encoding, rt));
    }

    private (string, SysEncoding) RandomEncoding()
    {
        var encoding = new SysEncoding(2 + random.Next(2), random.Next(8), random.Next(16), random.Next(16), random.Next(8));
        return (encoding.ToString(), encoding);
    }

    private void Hypercall()
    {
        var function = random.Next(5) == 0 ? AnyValue() : 0x100UL + (ulong)random.Next(9);
        var argument = random.Next(3) switch { 0 => (ulong)random.Next(12), 1 => AddressValue(), _ => AnyValue() };
        if (!profile.AttackDeclaredChannels && function == 0x103 && HostileTargets.ExclusiveDevicesPersonalUses.Contains((int)argument))
            argument = 7;
        var imm = random.Next(8) == 0 ? (ushort)random.Next(0x10000) : (ushort)0;
        Note($"HVC #{imm} x0=0x{function:x} x1=0x{argument:x} (x2-x7 hostile)");
        Load(0, function);
        Load(1, argument);
        for (var r = 2; r < 8; r++)
            Load(r, r == 2 ? AddressValue() : AnyValue());
        Emit(Hvc(imm));
    }

    private void Psci()
    {
        var (name, id) = HostileTargets.PsciFunctions[random.Next(HostileTargets.PsciFunctions.Length)];
        if (HostileTargets.StoppingPsci.Contains(name) && random.Next(6) != 0)
            (name, id) = ("AFFINITY_INFO", 0xC400_0004);
        if (random.Next(8) == 0)
            (name, id) = ("random function", AnyValue());
        ulong target = random.Next(6) switch { 0 => 0, 1 => 1, 2 => 2, 3 => 0x100, 4 => 0xFF_00FF_FFFF, _ => AnyValue() };
        ulong entry = random.Next(5) switch { 0 => Here + 64, 1 => AddressValue(), 2 => 0, 3 => Here + 2, _ => AnyValue() };
        Note($"SMC PSCI {name} (0x{id:x}) target=0x{target:x} entry=0x{entry:x}");
        Load(0, id);
        Load(1, target);
        Load(2, entry);
        Load(3, AnyValue());
        Emit(Smc(random.Next(8) == 0 ? (ushort)random.Next(0x10000) : (ushort)0));
    }

    /// <summary>A store to the personal persona's lent page is a declared channel: unless the profile attacks those, it is moved to the next slot.</summary>
    private ulong StoreTarget(ulong ipa) =>
        !profile.AttackDeclaredChannels && ipa + 0x400 >= HostileTargets.LentChannel && ipa < HostileTargets.LentChannel + 0x1400 ? ipa + 0x2000 : ipa;

    private void MemoryAccess()
    {
        var load = random.Next(2) == 0;
        var ipa = load ? AddressValue() : StoreTarget(AddressValue());
        var size = random.Next(4);
        var rt = AnyRegister();
        if (!load)
            Load(rt, AnyValue());
        Load(Address, ipa);
        switch (random.Next(6))
        {
            case 0:
                Note($"{(load ? "LDR" : "STR")} {1 << size} bytes at 0x{ipa:x}");
                Emit(LoadStore(load, size, rt, Address, 0));
                break;
            case 1:
                var offset = random.Next(-256, 256);
                Note($"{(load ? "LDUR" : "STUR")} {1 << size} bytes at 0x{ipa:x}{offset:+#;-#;+0}");
                Emit(LoadStoreUnscaled(load, size, rt, Address, offset));
                break;
            case 2:
                var index = random.Next(3) switch { 0 => 1, 1 => 3, _ => 2 };
                Note($"{(load ? "LDP" : "STP")} x{rt}, x{(rt + 1) % 26} at 0x{ipa:x} (index form {index})");
                Emit(Pair(load, rt, (rt + 1) % 26, Address, random.Next(-8, 8), index));
                break;
            case 3:
                Note($"LDXR/STXR {1 << size} bytes at 0x{ipa:x}");
                Emit(LoadExclusive(size, rt, Address, random.Next(2) == 0));
                if (!load || random.Next(2) == 0)
                    Emit(StoreExclusive(size, Second, rt, Address, random.Next(2) == 0));
                break;
            case 4:
                Note($"{(load ? "LDAR" : "STLR")} {1 << size} bytes at 0x{ipa:x}");
                Emit(AcquireRelease(load, size, rt, Address));
                break;
            default:
                Note($"{(load ? "LDR" : "STR")} x{rt} at 0x{ipa:x}, then the next 8 words");
                for (var i = 0; i < 8; i++)
                    Emit(LoadStore(load, 3, rt, Address, i));
                break;
        }
    }

    /// <summary>Sets the block device's queue up with hostile sizes and ring addresses, then notifies it.</summary>
    private void HostileVirtqueue()
    {
        Note("virtio-blk: reset, hostile queue setup, notify");
        Load(Address, HostileTargets.Storage);
        void Write(ulong offset, ulong value)
        {
            Load(Value, value);
            Emit(LoadStore(false, 2, Value, Address, (int)(offset / 4)));
        }
        Write(0x70, 0);
        Write(0x30, random.Next(4) == 0 ? AnyValue() : 0);
        Write(0x38, random.Next(4) switch { 0 => 16, 1 => 8, 2 => AnyValue(), _ => (ulong)random.Next(40) });
        ulong Ring(int offset) => random.Next(3) == 0 ? AddressValue() : region + (ulong)offset + (random.Next(6) == 0 ? (ulong)random.Next(1, 16) : 0);
        var descriptors = Ring(HostileLayout.DescriptorsOffset);
        var driver = Ring(HostileLayout.DriverRingOffset);
        var device = Ring(HostileLayout.DeviceRingOffset);
        Write(0x80, descriptors & 0xFFFF_FFFF);
        Write(0x84, random.Next(5) == 0 ? AnyValue() : descriptors >> 32);
        Write(0x90, driver & 0xFFFF_FFFF);
        Write(0x94, driver >> 32);
        Write(0xA0, device & 0xFFFF_FFFF);
        Write(0xA4, device >> 32);
        Write(0x44, random.Next(4) == 0 ? AnyValue() : 1);
        Write(0x70, random.Next(3) == 0 ? AnyValue() : 0xF);
        for (var i = random.Next(1, 4); i > 0; i--)
            Write(HostileTargets.VirtioRegisters[random.Next(HostileTargets.VirtioRegisters.Length)], AnyValue());
        Write(0x50, random.Next(4) == 0 ? AnyValue() : 0);
        Emit(LoadStore(true, 2, Second, Address, 0x60 / 4));
        Write(0x64, random.Next(2) == 0 ? 1 : AnyValue());
    }

    private void ModemLine()
    {
        Note("modem line: hostile register writes and reads");
        Load(Address, HostileTargets.Modem);
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            var offset = random.Next(4) == 0 ? random.Next(0x400) : random.Next(4);
            Load(Value, random.Next(2) == 0 ? (ulong)random.Next(5) : AnyValue());
            Emit(LoadStore(random.Next(3) == 0, 2, Value, Address, offset));
        }
    }

    /// <summary>A DMA-capable device the work persona may hold (display or audio in the foreground; the camera only when declared
    /// channels are attacked): ask for it, map a page for it, and program a transfer at an IOVA of the seed's choosing.</summary>
    private void DmaTransfer()
    {
        var devices = HostileTargets.DmaDevices(profile.AttackDeclaredChannels);
        var (device, window) = devices[random.Next(devices.Count)];
        var page = random.Next(2) == 0 ? region + HostileLayout.DeviceRingOffset + 0x1000 : AddressValue() & ~0xFFFUL;
        var target = random.Next(3) switch { 0 => page, 1 => page + 0xF00, _ => AddressValue() };
        var length = random.Next(3) switch { 0 => 64UL, 1 => 0x2000UL, _ => AnyValue() };
        Note($"DMA: device {device} requested, page 0x{page:x} mapped, transfer of 0x{length:x} bytes at IOVA 0x{target:x}");
        Load(0, 0x103);
        Load(1, (ulong)device);
        Emit(Hvc(0));
        Load(0, 0x107);
        Load(1, (ulong)device);
        Load(2, page);
        Emit(Hvc(0));
        Load(Address, window);
        foreach (var (offset, value) in new[] { (0, target), (1, length), (2, (ulong)random.Next(256)), (3, 1UL) })
        {
            Load(Value, value);
            Emit(LoadStore(false, 3, Value, Address, offset));
        }
        Emit(LoadStore(true, 3, Second, Address, 4));
    }

    private void Maintenance()
    {
        var (name, operation) = random.Next(8) == 0 ? RandomEncoding() : HostileTargets.Maintenance[random.Next(HostileTargets.Maintenance.Length)];
        var operand = name == "DC ZVA" ? StoreTarget(AddressValue()) : AddressValue();
        Note($"{name} 0x{operand:x}");
        Load(Value, operand);
        Emit(Sys(operation, Value));
        Emit(DsbSy);
        Emit(Isb);
    }

    private void Wait()
    {
        var (name, word) = random.Next(4) switch { 0 => ("WFI", Wfi), 1 => ("WFE", Wfe), 2 => ("SEV", Sev), _ => ("YIELD", 0xD503203Fu) };
        Note(name);
        Emit(word);
    }

    /// <summary>ERET with a crafted SPSR_EL1 (to EL0, to EL2 or EL3, to AArch32, with IL or SS set) and an ELR_EL1 that usually comes back.</summary>
    private void CraftedEret()
    {
        ulong mode = random.Next(8) switch { 0 => 0, 1 => 4, 2 => 5, 3 => 9, 4 => 8, 5 => 0xD, 6 => 0x10, _ => (ulong)random.Next(32) };
        var spsr = random.Next(4) == 0 ? AnyValue() : mode | ((ulong)random.Next(16) << 6) | (random.Next(6) == 0 ? 1UL << 20 : 0) | (random.Next(6) == 0 ? 1UL << 21 : 0);
        var comesBack = random.Next(16) != 0;
        var elr = comesBack ? 0 : (random.Next(2) == 0 ? AddressValue() : AnyValue());
        Note($"ERET SPSR=0x{spsr:x} ELR={(comesBack ? "the next instruction" : $"0x{elr:x}")}");
        Load(Value, spsr);
        Emit(Msr(SpsrEl1, Value));
        if (comesBack)
            Emit(Adr(Value, 12));
        else
            Load(Value, elr);
        Emit(Msr(ElrEl1, Value));
        Emit(Eret);
    }

    private void TakeException()
    {
        var imm = (ushort)random.Next(0x10000);
        var (name, word) = random.Next(6) switch
        {
            0 => ("SVC", Svc(imm)),
            1 => ("BRK", Brk(imm)),
            2 => ("HLT", Hlt(imm)),
            3 => ("UDF", Udf(imm)),
            4 => ("HVC (nonzero immediate)", Hvc(imm)),
            _ => ("random word", (uint)random.Next() | ((uint)random.Next(2) << 31)),
        };
        Note($"{name} 0x{word:x8}");
        Emit(word);
    }

    private void StackTrick()
    {
        var sp = StoreTarget(random.Next(3) == 0 ? AnyValue() : AddressValue());
        Note($"SP = 0x{sp:x}, push and pop through it, SPSel flips, SP restored");
        Load(Address, sp);
        Emit(AddImmediate(31, Address, 0));
        Emit(Pair(false, 0, 1, 31, -2, 3));
        Emit(Pair(true, 2, 3, 31, 2, 1));
        Emit(SpSel(random.Next(2)));
        Emit(LoadStore(true, 3, Value, 31, 0));
        Emit(SpSel(1));
        Load(Scratch, region + HostileLayout.StackTop);
        Emit(AddImmediate(31, Scratch, 0));
    }

    /// <summary>Overwrites an instruction a few words ahead, with or without the cache maintenance the architecture asks for.</summary>
    private void SelfModify()
    {
        var word = random.Next(5) switch { 0 => Nop, 1 => Hvc(0), 2 => Udf(0), 3 => Smc(0), _ => (uint)random.Next() };
        var ahead = random.Next(8, 24);
        var maintain = random.Next(2) == 0;
        Note($"self-modify: the word {ahead} instructions ahead becomes 0x{word:x8}{(maintain ? " (IC IVAU, ISB)" : " (no maintenance)")}");
        Load(Value, word);
        Emit(Adr(Second, ahead * 4));
        Emit(LoadStore(false, 2, Value, Second, 0));
        if (maintain)
        {
            Emit(Sys(new SysEncoding(1, 3, 7, 5, 1), Second));
            Emit(DsbSy);
            Emit(Isb);
        }
    }

    /// <summary>Many ICC_SGI1R_EL1 writes in a loop: targets, broadcast and INTID from the seed.</summary>
    private void SgiStorm()
    {
        var count = random.Next(1, 33);
        var value = random.Next(3) switch
        {
            0 => ((ulong)random.Next(16) << 24) | (uint)random.Next(0x10000),
            1 => ((ulong)random.Next(16) << 24) | (1UL << 40),
            _ => AnyValue(),
        };
        Note($"SGI storm: {count} x ICC_SGI1R_EL1 = 0x{value:x}");
        Load(Value, value);
        Load(Counter, (ulong)count);
        Emit(Msr(IccSgi1r, Value));
        Emit(SubsImmediate(Counter, Counter, 1));
        Emit(BranchNotEqual(-2));
    }

    /// <summary>The virtual timer made to fire at once, again and again, with IRQs unmasked.</summary>
    private void TimerStorm()
    {
        var count = random.Next(1, 17);
        Note($"virtual timer storm: {count} immediate deadlines with IRQs unmasked");
        Load(Value, 0xFF);
        Emit(Msr(new SysEncoding(3, 0, 4, 6, 0), Value));
        Load(Value, 1);
        Emit(Msr(new SysEncoding(3, 0, 12, 12, 7), Value));
        Emit(Msr(CntvCval, 31));
        Load(Counter, (ulong)count);
        Emit(Msr(CntvCtl, Value));
        Emit(Isb);
        Emit(DaifClear(2));
        Emit(Nop);
        Emit(SubsImmediate(Counter, Counter, 1));
        Emit(BranchNotEqual(-5));
        if (random.Next(2) == 0)
            Emit(DaifSet(2));
    }

    private void Interrupts()
    {
        var imm = random.Next(16);
        var mask = random.Next(2) == 0;
        Note($"{(mask ? "mask" : "unmask")} DAIF 0x{imm:x}");
        Emit(mask ? DaifSet(imm) : DaifClear(imm));
    }

    /// <summary>Turns a stage-1 identity map on (MAIR, TCR, TTBR0, SCTLR.M), or the MMU off again.</summary>
    private void StageOne()
    {
        if (random.Next(2) == 0)
        {
            Note("stage 1 off");
            Load(Value, SctlrOff);
            Emit(Msr(SctlrEl1, Value));
            Emit(Isb);
            return;
        }
        Note("stage 1 on: identity map of the low 4 GiB");
        Load(Value, 0x00FF);
        Emit(Msr(new SysEncoding(3, 0, 10, 2, 0), Value));
        Load(Value, 32UL | (1UL << 8) | (1UL << 10) | (3UL << 12) | (1UL << 23) | (2UL << 32));
        Emit(Msr(new SysEncoding(3, 0, 2, 0, 2), Value));
        Load(Value, region + HostileLayout.IdentityTableOffset);
        Emit(Msr(new SysEncoding(3, 0, 2, 0, 0), Value));
        Emit(Sys(new SysEncoding(1, 0, 8, 7, 0), 31));
        Emit(DsbSy);
        Emit(Isb);
        Load(Value, SctlrOff | 1UL | (1UL << 2) | (1UL << 12));
        Emit(Msr(SctlrEl1, Value));
        Emit(Isb);
    }

    private void Vectors()
    {
        var junk = random.Next(6) == 0;
        var vbar = junk ? AnyValue() : region + HostileLayout.VectorsOffset;
        Note($"VBAR_EL1 = 0x{vbar:x}{(junk ? " (junk)" : " (own vectors again)")}");
        Load(Value, vbar);
        Emit(Msr(VbarEl1, Value));
        Emit(Isb);
    }
}
