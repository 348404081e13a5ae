using System.Buffers.Binary;

namespace Persona.Arm.Platform.Devices;

public sealed partial class VirtioBlock
{
    private const ushort DescriptorNext = 1;
    private const ushort DescriptorWrite = 2;
    private const int DescriptorSize = 16;
    private const uint RequestIn = 0;
    private const uint RequestOut = 1;
    private const uint RequestFlush = 4;
    private const uint RequestGetId = 8;
    private const byte StatusOk = 0;
    private const byte StatusIoError = 1;
    private const byte StatusUnsupported = 2;

    /// <summary>Serves every request the driver has made available since the last notify.</summary>
    private void ServeQueue()
    {
        if (!queueReady || queueSize == 0 || queueSize > MaxQueueSize || (queueSize & (queueSize - 1)) != 0)
            return;
        if (!Ram(availableRing, 4 + (2 * queueSize)) || !Ram(usedRing, 4 + (8 * queueSize)) || !Ram(descriptorTable, DescriptorSize * queueSize))
        {
            FailDevice();
            return;
        }
        var served = false;
        var available = ReadU16(availableRing + 2);
        while (lastAvailable != available)
        {
            var head = ReadU16(availableRing + 4 + (2 * (ulong)(lastAvailable % queueSize)));
            if (head >= queueSize)
            {
                FailDevice();
                return;
            }
            var usedLength = ServeRequest(head);
            var usedIndex = ReadU16(usedRing + 2);
            var element = usedRing + 4 + (8 * (ulong)(usedIndex % queueSize));
            WriteU32(element, head);
            WriteU32(element + 4, usedLength);
            WriteU16(usedRing + 2, (ushort)(usedIndex + 1));
            lastAvailable++;
            served = true;
        }
        if (served)
            RaiseUsedBufferInterrupt();
    }

    /// <summary>Serves one descriptor chain (header, data buffers, status byte); returns the used length.</summary>
    /// <remarks>The used length is the size of every device-writable buffer in the chain, whatever the outcome, as QEMU reports it.</remarks>
    private uint ServeRequest(ushort head)
    {
        var chain = new List<(ulong Address, uint Length, bool DeviceWrites)>();
        var index = head;
        for (var hops = 0; ; hops++)
        {
            if (index >= queueSize || hops >= queueSize)
                return 0;
            var descriptor = descriptorTable + ((ulong)index * DescriptorSize);
            var address = ReadU64(descriptor);
            var length = ReadU32(descriptor + 8);
            var flags = ReadU16(descriptor + 12);
            if (!Ram(address, length))
                return 0;
            chain.Add((address, length, (flags & DescriptorWrite) != 0));
            if ((flags & DescriptorNext) == 0)
                break;
            index = ReadU16(descriptor + 14);
        }
        var statusBuffer = chain[^1];
        if (chain.Count < 2 || chain[0].Length < 16 || statusBuffer.Length < 1 || !statusBuffer.DeviceWrites)
            return 0;
        var type = ReadU32(chain[0].Address);
        var sector = ReadU64(chain[0].Address + 8);
        var data = chain.GetRange(1, chain.Count - 2);
        var result = Execute(type, sector, data);
        WritableRamSpan(statusBuffer.Address, 1)[0] = result;
        return (uint)chain.Where(d => d.DeviceWrites).Sum(d => (long)d.Length);
    }

    private byte Execute(uint type, ulong sector, List<(ulong Address, uint Length, bool DeviceWrites)> data)
    {
        switch (type)
        {
            case RequestFlush:
                store.Flush();
                return StatusOk;
            case RequestGetId:
                if (data.Count == 0 || !data[0].DeviceWrites)
                    return StatusIoError;
                var id = "persona-virtio-blk"u8;
                var idSpan = WritableRamSpan(data[0].Address, Math.Min(data[0].Length, 20u));
                idSpan.Clear();
                id[..Math.Min(id.Length, idSpan.Length)].CopyTo(idSpan);
                return StatusOk;
            case RequestIn or RequestOut:
                break;
            default:
                return StatusUnsupported;
        }
        var total = data.Aggregate(0UL, (sum, d) => sum + d.Length);
        if (sector > (ulong)store.Length / SectorSize || total > (ulong)store.Length - (sector * SectorSize))
            return StatusIoError;
        var offset = (long)(sector * SectorSize);
        foreach (var (address, length, deviceWrites) in data)
        {
            if (deviceWrites != (type == RequestIn))
                return StatusIoError;
            if (type == RequestIn)
            {
                store.Read(offset, WritableRamSpan(address, length));
            }
            else
            {
                store.Write(offset, RamSpan(address, length));
            }
            offset += length;
        }
        return StatusOk;
    }

    private bool Ram(ulong address, ulong length) => bus.Ram.Contains(address, length);

    private Span<byte> RamSpan(ulong address, uint length) => bus.Ram.Bytes.AsSpan((int)(address - bus.Ram.Base), (int)length);

    // The device's DMA writes: through the RAM's write view, so that code a guest reads from disk over old code runs as read.
    private Span<byte> WritableRamSpan(ulong address, uint length) => bus.Ram.SpanForWrite(address, (int)length);

    private ushort ReadU16(ulong address) => BinaryPrimitives.ReadUInt16LittleEndian(RamSpan(address, 2));

    private uint ReadU32(ulong address) => BinaryPrimitives.ReadUInt32LittleEndian(RamSpan(address, 4));

    private ulong ReadU64(ulong address) => BinaryPrimitives.ReadUInt64LittleEndian(RamSpan(address, 8));

    private void WriteU16(ulong address, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(WritableRamSpan(address, 2), value);

    private void WriteU32(ulong address, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(WritableRamSpan(address, 4), value);
}
