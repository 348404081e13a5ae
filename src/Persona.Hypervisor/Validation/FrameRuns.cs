using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Persona.Hypervisor.Memory;
using Persona.Spec.Model;

namespace Persona.Hypervisor.Validation;

/// <summary>A run of consecutive RAM frames [First, First + Count).</summary>
/// <param name="First">The first frame.</param>
/// <param name="Count">How many frames.</param>
public readonly record struct FrameRun(long First, long Count)
{
    /// <summary>One past the last frame.</summary>
    public long End => First + Count;
}

/// <summary>Splits RAM into runs of frames that look alike to the validator: the same ownership metadata, the same stage-2 reach
/// for each persona, and the same values of the platform's page functions.</summary>
internal static class FrameRuns
{
    /// <summary>The runs; <paramref name="platformRunStarts"/> are the frames where a platform page function may change (null: any frame).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per check over every descriptor or frame: a method called once never leaves tier 0
    public static List<FrameRun> Of(PageOwnership ownership, Stage2Reach[] reach, IReadOnlyList<long>? platformRunStarts)
    {
        if (reach.Length != 2)
            throw new ArgumentException("one stage-2 reach per persona, personal then work", nameof(reach));
        var runs = new List<FrameRun>();
        var personal = ownership.States(Component.Personal);
        var work = ownership.States(Component.Work);
        var hypervisor = ownership.States(Component.Hypervisor);
        var pools = ownership.Pools;
        var channels = ownership.Channels;
        var personalReach = reach[(int)Component.Personal].Mappers;
        var workReach = reach[(int)Component.Work].Mappers;
        var nextPlatformStart = 0;
        var start = 0;
        while (start < ownership.Count)
        {
            // A run ends where the first of the arrays changes value (each found by a vectorised scan), or at a platform run start.
            var end = ownership.Count;
            if (platformRunStarts is null)
            {
                end = start + 1;
            }
            else
            {
                while (nextPlatformStart < platformRunStarts.Count && platformRunStarts[nextPlatformStart] <= ownership.FirstFrame + start)
                    nextPlatformStart++;
                if (nextPlatformStart < platformRunStarts.Count)
                    end = (int)Math.Min(end, platformRunStarts[nextPlatformStart] - ownership.FirstFrame);
                end = SameFrom(personal, start, end);
                end = SameFrom(work, start, end);
                end = SameFrom(hypervisor, start, end);
                end = SameFrom(pools, start, end);
                end = SameFrom(channels, start, end);
                end = ReachedAlikeFrom(personalReach, start, end);
                end = ReachedAlikeFrom(workReach, start, end);
            }
            runs.Add(new FrameRun(ownership.FirstFrame + start, end - start));
            start = end;
        }
        return runs;
    }

    /// <summary>The first index in [start, end) where the values differ from the value at start, or end (values compared bit for bit).</summary>
    private static int SameFrom<T>(ReadOnlySpan<T> values, int start, int end)
        where T : unmanaged
    {
        var span = values[start..end];
        var differs = System.Runtime.CompilerServices.Unsafe.SizeOf<T>() switch
        {
            1 => FirstOther(MemoryMarshal.Cast<T, byte>(span)),
            4 => FirstOther(MemoryMarshal.Cast<T, int>(span)),
            8 => FirstOther(MemoryMarshal.Cast<T, long>(span)),
            _ => throw new ArgumentException($"no bitwise scan for {typeof(T).Name}", nameof(values)),
        };
        return differs < 0 ? end : start + differs;
    }

    private static int FirstOther<T>(ReadOnlySpan<T> span)
        where T : IEquatable<T> => span.IndexOfAnyExcept(span[0]);

    /// <summary>The first index in [start, end) where a frame's reach (mapped by some IPA page, or not) differs from the frame at start, or end.</summary>
    private static int ReachedAlikeFrom(ReadOnlySpan<int> mappers, int start, int end)
    {
        var span = mappers[start..end];
        var differs = span[0] > 0 ? span.IndexOf(0) : span.IndexOfAnyExcept(0);
        return differs < 0 ? end : start + differs;
    }
}
