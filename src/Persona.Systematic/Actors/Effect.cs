namespace Persona.Systematic.Actors;

/// <summary>The kind of a buffered effect; each is delivered at its own scheduling point.</summary>
internal enum EffectKind : byte
{
    Send,
    Create,
    Monitor,
    StartTimer,
}

/// <summary>One effect a handler asked for, kept in program order until the scheduler delivers it.</summary>
internal struct Effect
{
    public EffectKind Kind;
    public ActorId? Target;
    public Event? Event;
    public SendOptions Options;
    public Type? MonitorType;
    public TimerInfo? Timer;
}

/// <summary>A growable FIFO of effects that reuses its array across steps.</summary>
internal struct EffectQueue
{
    private Effect[] items;
    private int head;
    private int count;

    public readonly int Count => count;

    public readonly ref Effect Peek() => ref items[head];

    public void Enqueue(in Effect effect)
    {
        items ??= new Effect[4];
        if (count == items.Length)
        {
            var bigger = new Effect[items.Length * 2];
            for (int i = 0; i < count; i++) bigger[i] = items[(head + i) % items.Length];
            items = bigger;
            head = 0;
        }
        items[(head + count) % items.Length] = effect;
        count++;
    }

    public Effect Dequeue()
    {
        var e = items[head];
        items[head] = default;
        head = (head + 1) % items.Length;
        count--;
        return e;
    }

    public void Clear()
    {
        while (count > 0) Dequeue();
        head = 0;
    }
}

/// <summary>An actor's inbox: FIFO, but a dequeue may skip deferred events, so removal can happen anywhere.</summary>
internal struct Inbox
{
    private Event[] events;
    private bool[] mustHandle;
    private int count;

    public readonly int Count => count;

    public readonly Event this[int index] => events[index];

    public readonly bool MustHandleAt(int index) => mustHandle[index];

    public void Add(Event e, bool mustHandleFlag)
    {
        if (events is null)
        {
            events = new Event[4];
            mustHandle = new bool[4];
        }
        if (count == events.Length)
        {
            Array.Resize(ref events, count * 2);
            Array.Resize(ref mustHandle, count * 2);
        }
        events[count] = e;
        mustHandle[count] = mustHandleFlag;
        count++;
    }

    public void RemoveAt(int index)
    {
        count--;
        if (index < count)
        {
            Array.Copy(events, index + 1, events, index, count - index);
            Array.Copy(mustHandle, index + 1, mustHandle, index, count - index);
        }
        events[count] = null!;
    }

    public readonly int CountOfType(Type type)
    {
        int n = 0;
        for (int i = 0; i < count; i++)
        {
            if (ReferenceEquals(events[i].GetType(), type)) n++;
        }
        return n;
    }

    public void Clear()
    {
        if (events is not null) Array.Clear(events, 0, count);
        count = 0;
    }
}
