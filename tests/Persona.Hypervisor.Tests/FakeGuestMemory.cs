using Persona.Hypervisor.Devices;

namespace Persona.Hypervisor.Tests;

/// <summary>A persona's RAM for device tests: bytes at IPAs [Base, Base + Size) are its own, anything else is foreign.</summary>
internal sealed class FakeGuestMemory(ulong baseIpa, int size) : IGuestMemory
{
    public byte[] Bytes { get; } = new byte[size];

    public bool TryRead(ulong ipa, Span<byte> destination)
    {
        if (!Owns(ipa, destination.Length))
            return false;
        Bytes.AsSpan((int)(ipa - baseIpa), destination.Length).CopyTo(destination);
        return true;
    }

    public bool TryWrite(ulong ipa, ReadOnlySpan<byte> source)
    {
        if (!Owns(ipa, source.Length))
            return false;
        source.CopyTo(Bytes.AsSpan((int)(ipa - baseIpa)));
        return true;
    }

    private bool Owns(ulong ipa, int length) => ipa >= baseIpa && ipa + (ulong)length <= baseIpa + (ulong)size && ipa + (ulong)length >= ipa;
}
