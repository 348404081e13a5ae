using Persona.Arm.Contracts;

namespace Persona.Arm.Platform.Devices;

/// <summary>DMA master registers (offsets in its window).</summary>
public enum DmaMasterRegister : ulong
{
    /// <summary>The IOVA the frame is written to.</summary>
    Target = 0x00,

    /// <summary>The frame's length in bytes (at most <see cref="DmaMaster.MaxLength"/>).</summary>
    Length = 0x08,

    /// <summary>The byte the frame is filled with.</summary>
    Pattern = 0x10,

    /// <summary>Writing <see cref="DmaMaster.StartCommand"/> runs the transfer (synchronously: virtual time does not advance);
    /// <see cref="DmaMaster.ResetCommand"/> resets the device.</summary>
    Control = 0x18,

    /// <summary>(read only) The outcome of the last transfer (<see cref="DmaMasterStatus"/>).</summary>
    Status = 0x20,

    /// <summary>(read only) The IOVA at which the last transfer stopped on a fault.</summary>
    FaultAddress = 0x28,

    /// <summary>(read only) The bytes the last transfer wrote.</summary>
    BytesWritten = 0x30,
}

/// <summary>What the last transfer of a DMA master did.</summary>
public enum DmaMasterStatus : ulong
{
    /// <summary>No transfer yet.</summary>
    Idle = 0,

    /// <summary>The whole frame was written.</summary>
    Done = 1,

    /// <summary>The SMMU aborted a page of the transfer: nothing was written at or after the faulting IOVA.</summary>
    SmmuFault = 2,

    /// <summary>The SMMU translated to an address that is not RAM: nothing was written there.</summary>
    BusError = 3,

    /// <summary>The length was zero or beyond <see cref="DmaMaster.MaxLength"/>: nothing was written.</summary>
    BadLength = 4,
}

/// <summary>A DMA-capable device (a camera writing a frame): guests program an IOVA, a length and a fill byte through its registers,
/// and the device writes the frame page by page through the SMMU under its stream ID.</summary>
/// <remarks>Each page is translated before a byte of it is written, so a translation fault stops the transfer without touching
/// the page (and records the SMMU's event). Writes reach RAM only; a translation to anything else is a bus error.</remarks>
public sealed class DmaMaster(IPhysicalBus bus, Smmu smmu, int streamId) : IMmioDevice
{
    /// <summary>The value of the control register that starts a transfer.</summary>
    public const ulong StartCommand = 1;

    /// <summary>The value of the control register that resets the device (registers cleared, status idle).</summary>
    public const ulong ResetCommand = 2;

    /// <summary>The longest frame, 1 MiB.</summary>
    public const ulong MaxLength = 1UL << 20;

    /// <summary>The size of the register window.</summary>
    public const ulong WindowSize = 0x1000;

    private ulong target;
    private ulong length;
    private byte pattern;

    /// <summary>The stream ID the device's transactions carry.</summary>
    public int StreamId { get; } = streamId;

    /// <summary>The outcome of the last transfer.</summary>
    public DmaMasterStatus Status { get; private set; }

    /// <summary>Where the last transfer faulted.</summary>
    public ulong FaultAddress { get; private set; }

    /// <summary>The bytes the last transfer wrote.</summary>
    public ulong BytesWritten { get; private set; }

    /// <summary>The number of transfers started.</summary>
    public long Transfers { get; private set; }

    /// <inheritdoc />
    public bool TryRead(int coreId, ulong offset, int size, out ulong value)
    {
        value = (DmaMasterRegister)offset switch
        {
            DmaMasterRegister.Target => target,
            DmaMasterRegister.Length => length,
            DmaMasterRegister.Pattern => pattern,
            DmaMasterRegister.Status => (ulong)Status,
            DmaMasterRegister.FaultAddress => FaultAddress,
            DmaMasterRegister.BytesWritten => BytesWritten,
            _ => 0,
        };
        return true;
    }

    /// <inheritdoc />
    public bool TryWrite(int coreId, ulong offset, int size, ulong value)
    {
        switch ((DmaMasterRegister)offset)
        {
            case DmaMasterRegister.Target: target = value; break;
            case DmaMasterRegister.Length: length = value; break;
            case DmaMasterRegister.Pattern: pattern = (byte)value; break;
            case DmaMasterRegister.Control when value == StartCommand: Transfer(); break;
            case DmaMasterRegister.Control when value == ResetCommand: Reset(); break;
        }
        return true;
    }

    /// <summary>Puts the device back in its reset state (registers cleared), as a release by the hypervisor does.</summary>
    private void Reset()
    {
        target = length = 0;
        pattern = 0;
        Status = DmaMasterStatus.Idle;
        FaultAddress = BytesWritten = 0;
    }

    private void Transfer()
    {
        Transfers++;
        BytesWritten = 0;
        FaultAddress = 0;
        if (length == 0 || length > MaxLength)
        {
            Status = DmaMasterStatus.BadLength;
            return;
        }
        var iova = target;
        var end = target + length;
        while (iova < end && iova >= target)
        {
            var chunk = Math.Min(end - iova, 0x1000 - (iova & 0xFFF));
            var translation = smmu.Translate(StreamId, iova, isWrite: true);
            if (translation.Fault is not null)
            {
                Stop(DmaMasterStatus.SmmuFault, iova);
                return;
            }
            if (!bus.Ram.Contains(translation.PhysicalAddress, chunk))
            {
                Stop(DmaMasterStatus.BusError, iova);
                return;
            }
            bus.Ram.Bytes.AsSpan((int)(translation.PhysicalAddress - bus.Ram.Base), (int)chunk).Fill(pattern);
            BytesWritten += chunk;
            iova += chunk;
        }
        Status = DmaMasterStatus.Done;
    }

    private void Stop(DmaMasterStatus status, ulong iova)
    {
        Status = status;
        FaultAddress = iova;
    }
}
