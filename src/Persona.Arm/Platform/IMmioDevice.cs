namespace Persona.Arm.Platform;

/// <summary>A device that answers loads and stores in a window of the physical address space.</summary>
public interface IMmioDevice
{
    /// <summary>Reads <paramref name="size"/> bytes at <paramref name="offset"/> from the window base; false when the access is not decoded (external abort).</summary>
    bool TryRead(int coreId, ulong offset, int size, out ulong value);

    /// <summary>Writes <paramref name="size"/> bytes at <paramref name="offset"/> from the window base; false when the access is not decoded (external abort).</summary>
    bool TryWrite(int coreId, ulong offset, int size, ulong value);
}
