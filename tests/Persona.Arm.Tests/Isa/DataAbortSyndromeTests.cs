using Persona.Arm.Isa;

namespace Persona.Arm.Tests.Isa;

/// <summary>The data abort's instruction syndrome for the 9-bit immediate forms, which the decoder gives ids of their own
/// (StoreImmediate9, LoadImmediate9) beside LoadStoreImmediate9: unscaled and unprivileged forms are valid (ISV=1), writeback forms are not.</summary>
public sealed class DataAbortSyndromeTests
{
    [Theory]
    [InlineData(0xb81f8002u, 0x1820000ul)] // stur w2, [x0, #-8]: a guest's device register write (the persona kernels' modem answer)
    [InlineData(0xf85fc023u, 0x1C38000ul)] // ldur x3, [x1, #-4]
    [InlineData(0xb89fc024u, 0x1A48000ul)] // ldursw x4, [x1, #-4]
    [InlineData(0xb8004802u, 0x1820000ul)] // sttr w2, [x0, #4]
    [InlineData(0xb8008c02u, 0x0ul)] // str w2, [x0, #8]! (writeback: no valid syndrome)
    [InlineData(0xf8408425u, 0x0ul)] // ldr x5, [x1], #8 (writeback: no valid syndrome)
    public void Immediate9Forms_ReportTheSyndromeQemuReports(uint word, ulong iss) =>
        Assert.Equal(iss, DataAbortSyndrome.For(word));
}
