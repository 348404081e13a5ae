namespace Persona.Systematic.Strategies;

/// <summary>Operations ordered from highest to lowest priority, shared by the priority-based strategies.</summary>
internal sealed class PriorityList
{
    private readonly List<int> order = [];
    private int[] demotedLevel = new int[16];
    private int[] marks = new int[16];
    private int stamp;
    private int known;
    private int undemoted;

    public void Reset()
    {
        order.Clear();
        known = 0;
        undemoted = 0;
    }

    /// <summary>Inserts operations created since the last call at random positions: among the undemoted ones (paper), or anywhere (Coyote).</summary>
    public void AddNew(int operationCount, ref FastRandom random, bool anywhere)
    {
        while (known < operationCount)
        {
            EnsureCapacity(known);
            demotedLevel[known] = 0;
            int position = random.Next((anywhere ? order.Count : undemoted) + 1);
            order.Insert(position, known);
            if (anywhere || position <= undemoted) undemoted++;
            known++;
        }
    }

    /// <summary>The highest-priority operation among <paramref name="enabled"/>.</summary>
    public int HighestEnabled(ReadOnlySpan<int> enabled)
    {
        if (enabled.Length == 1) return enabled[0];
        if (++stamp == int.MaxValue)
        {
            Array.Clear(marks);
            stamp = 1;
        }
        foreach (int op in enabled)
        {
            EnsureCapacity(op);
            marks[op] = stamp;
        }
        foreach (int op in order)
        {
            if (op < marks.Length && marks[op] == stamp) return op;
        }
        return enabled[0];
    }

    /// <summary>Gives an operation the low priority <paramref name="level"/> (1 is the lowest), below every undemoted operation.</summary>
    public void Demote(int op, int level)
    {
        int index = order.IndexOf(op);
        if (index < 0) return;
        order.RemoveAt(index);
        if (demotedLevel[op] == 0) undemoted--;
        demotedLevel[op] = level;
        int position = undemoted;
        while (position < order.Count && demotedLevel[order[position]] > level) position++;
        order.Insert(position, op);
    }

    /// <summary>Moves an operation to the very bottom (Coyote's change point).</summary>
    public void MoveToBottom(int op)
    {
        int index = order.IndexOf(op);
        if (index < 0) return;
        order.RemoveAt(index);
        order.Add(op);
    }

    private void EnsureCapacity(int op)
    {
        if (op < marks.Length) return;
        int size = Math.Max(op + 1, marks.Length * 2);
        Array.Resize(ref marks, size);
        Array.Resize(ref demotedLevel, size);
    }
}
