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
        for (var i = 1; i <= ownership.Count; i++)
        {
            var frame = ownership.FirstFrame + i;
            while (platformRunStarts is not null && nextPlatformStart < platformRunStarts.Count && platformRunStarts[nextPlatformStart] < frame)
                nextPlatformStart++;
            var boundary = i == ownership.Count
                || platformRunStarts is null
                || (nextPlatformStart < platformRunStarts.Count && platformRunStarts[nextPlatformStart] == frame)
                || personal[i] != personal[i - 1] || work[i] != work[i - 1] || hypervisor[i] != hypervisor[i - 1]
                || pools[i] != pools[i - 1] || channels[i] != channels[i - 1]
                || (personalReach[i] > 0) != (personalReach[i - 1] > 0) || (workReach[i] > 0) != (workReach[i - 1] > 0);
            if (!boundary)
                continue;
            runs.Add(new FrameRun(ownership.FirstFrame + start, i - start));
            start = i;
        }
        return runs;
    }
}
