namespace Persona.Arm.Isa;

/// <summary>Decodes A64 words through <see cref="InstructionTable"/>, narrowing the candidate rows by bits [28:21] first.</summary>
public static class Decoder
{
    private const int KeyShift = 21;
    private const uint KeyBits = 0xFF;
    private static readonly InstructionRow[][] Buckets = BuildBuckets();

    /// <summary>The instruction a word encodes, or <see cref="InstructionId.Undefined"/> when no row matches.</summary>
    public static InstructionId Decode(uint word)
    {
        foreach (var row in Buckets[(word >> KeyShift) & KeyBits])
        {
            if ((word & row.Mask) == row.Value)
                return row.Id;
        }
        return InstructionId.Undefined;
    }

    /// <summary>The table row a word matches, or null when it is undefined.</summary>
    public static InstructionRow? FindRow(uint word)
    {
        foreach (var row in Buckets[(word >> KeyShift) & KeyBits])
        {
            if ((word & row.Mask) == row.Value)
                return row;
        }
        return null;
    }

    // A row belongs to a bucket when its fixed bits inside the key field agree with the bucket's key.
    private static InstructionRow[][] BuildBuckets()
    {
        var buckets = new InstructionRow[KeyBits + 1][];
        var keyMask = KeyBits << KeyShift;
        for (uint key = 0; key <= KeyBits; key++)
        {
            var keyWord = key << KeyShift;
            buckets[key] = InstructionTable.Rows
                .Where(row => (keyWord & row.Mask & keyMask) == (row.Value & keyMask))
                .ToArray();
        }
        return buckets;
    }
}
