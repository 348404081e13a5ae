namespace Persona.Hypervisor.Devices;

/// <summary>One persona's RAM as its emulated devices may reach it: only pages the persona owns exclusively, by IPA.</summary>
/// <remarks>A descriptor naming anything else (another persona's page, a lent or borrowed page, MMIO, an unmapped IPA) fails:
/// the device refuses the request rather than copy a byte, as an SMMU holding the spec's DMA rules would.</remarks>
public interface IGuestMemory
{
    /// <summary>Reads bytes at an IPA; false (and nothing read) when any byte lies outside the persona's own pages.</summary>
    bool TryRead(ulong ipa, Span<byte> destination);

    /// <summary>Writes bytes at an IPA; false (and nothing written) when any byte lies outside the persona's own pages.</summary>
    bool TryWrite(ulong ipa, ReadOnlySpan<byte> source);
}
