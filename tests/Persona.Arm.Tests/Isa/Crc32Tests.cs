using Persona.Arm.Tests.Cpu.Support;
using Persona.TestSupport;

namespace Persona.Arm.Tests.Isa;

/// <summary>CRC32 and CRC32C give the standard check values (the CRC of "123456789" with the usual inversions) a byte at a
/// time and in one doubleword-plus-byte split, so the polynomial, the bit order and the operand sizes are each pinned.</summary>
public sealed class Crc32Tests
{
    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Crc32AndCrc32c_OfTheCheckString_GiveTheCatalogueCheckValues()
    {
        var harness = new GuestHarness();
        harness.Bus.Load(GuestHarness.DataAddress, "123456789"u8.ToArray());
        harness.LoadCode("""
            .arch armv8-a+crc
            mov x1, x3
            mov w0, #-1
            mov w4, #-1
            mov x5, #9
            1: ldrb w2, [x1], #1
            crc32b w0, w0, w2
            crc32cb w4, w4, w2
            subs x5, x5, #1
            b.ne 1b
            mvn w0, w0
            mvn w4, w4
            ldr x2, [x3]
            ldrb w6, [x3, #8]
            mov w7, #-1
            mov w8, #-1
            crc32x w7, w7, x2
            crc32b w7, w7, w6
            crc32cx w8, w8, x2
            crc32cb w8, w8, w6
            mvn w7, w7
            mvn w8, w8
            wfi
            """);
        harness.Start(1);
        harness.Core.SetX(3, GuestHarness.DataAddress);
        harness.RunToWfi();
        Assert.Empty(harness.Log.Records);
        Assert.Equal(0xCBF4_3926UL, harness.Core.GetX(0));
        Assert.Equal(0xE306_9283UL, harness.Core.GetX(4));
        Assert.Equal(0xCBF4_3926UL, harness.Core.GetX(7));
        Assert.Equal(0xE306_9283UL, harness.Core.GetX(8));
    }
}
