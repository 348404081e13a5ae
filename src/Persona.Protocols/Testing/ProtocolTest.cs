using Persona.Protocols.Actors;
using Persona.Protocols.Model;
using Persona.Protocols.Monitors;
using Persona.Systematic.Faults;
using Persona.Systematic.Runtime;
using Persona.Systematic.Testing;

namespace Persona.Protocols.Testing;

/// <summary>
/// One handset running every protocol at once: two vCPU runners, a world switch by the user and one by an incoming call, device
/// requests from both personas, notifications on the channel, a ballooned page, and IT's remote wipe, under the given faults.
/// </summary>
/// <param name="bugs">The seeded bugs switched on (none: the correct protocols).</param>
/// <param name="faults">The faults the engine may inject.</param>
public class ProtocolTest(ProtocolBugs bugs, ProtocolFaults faults) : ISystematicTest
{
    /// <summary>Time slices each core runner gets.</summary>
    public const int SlicesPerCore = 4;

    /// <summary>Notifications the work app posts.</summary>
    public const int Notifications = 2;

    /// <summary>The seeded bugs switched on.</summary>
    public ProtocolBugs Bugs => bugs;

    /// <inheritdoc/>
    public void Setup(IActorRuntime runtime)
    {
        runtime.SetSharedState(new HypervisorState());
        runtime.RegisterMonitor<SpecRulesMonitor>();
        runtime.RegisterMonitor<EveryWipeCompletes>();
        runtime.RegisterMonitor<EverySwitchCompletes>();
        runtime.RegisterMonitor<EveryDeviceRequestAnswered>();
        runtime.RegisterMonitor<PersonalDataIntact>();

        var cores = new ActorId[ProtocolWorld.Cores];
        cores[0] = runtime.CreateActor<CoreRunner>(new CoreSetup(0, Component.Personal, SlicesPerCore, MayGoOffline: false), "core0");
        cores[1] = runtime.CreateActor<CoreRunner>(new CoreSetup(1, Component.Work, SlicesPerCore, faults.CoreOffline), "core1");

        bool cameraHangs = faults.HungDevice && runtime.RandomBoolean();
        var display = runtime.CreateActor<DmaDevice>(new DeviceSetup(ProtocolWorld.Display, NeverQuiesces: false), "display");
        var camera = runtime.CreateActor<DmaDevice>(new DeviceSetup(ProtocolWorld.Camera, cameraHangs), "camera");
        var wiring = new Wiring(bugs, cores) { Devices = new Dictionary<long, ActorId> { [ProtocolWorld.Display] = display, [ProtocolWorld.Camera] = camera } };
        var broker = runtime.CreateActor<DeviceBroker>(wiring, "broker");
        wiring = wiring with { Broker = broker };
        var switcher = runtime.CreateActor<WorldSwitchManager>(wiring, "switcher");
        wiring = wiring with { SwitchManager = switcher };
        var coordinator = runtime.CreateActor<WipeCoordinator>(wiring, "wipe");
        runtime.CreateActor<MemoryBalloon>(wiring, "balloon");

        // The devices are busy at boot: each has a DMA transfer in flight for its boot owner.
        runtime.SendEvent(display, new DeviceAttached(Component.Personal, 0));
        runtime.SendEvent(camera, new DeviceAttached(Component.Work, 0));

        var it = runtime.CreateActor<ManagementAuthority>(new Target(coordinator), "it");
        var handset = new HandsetSetup(switcher, broker);
        runtime.CreateActor<HandsetUser>(handset, "user");
        runtime.CreateActor<Modem>(handset, "modem");
        var inbox = runtime.CreateActor<PersonalInbox>(name: "inbox");
        runtime.CreateActor<WorkNotifier>(new NotifierSetup(inbox, broker, Notifications, bugs), "notifier");

        if (faults.LostMessages)
        {
            foreach (var core in cores) runtime.ConfigureLink(coordinator, core, LinkFaults.Drop, maxFaults: 1);
            runtime.ConfigureLink(coordinator, it, LinkFaults.Drop, maxFaults: 1);
        }
        if (faults.PowerLoss) runtime.InjectCrashes(coordinator, maxCrashes: 1, restart: true);
    }

    /// <inheritdoc/>
    /// <remarks>Fair strategies run their first MaxUnfairSteps steps unfairly, so the liveness threshold lies well beyond that prefix.</remarks>
    public TestConfiguration Configure(TestConfiguration configuration) =>
        configuration with { MaxUnfairSteps = 600, MaxFairSteps = 3_000, LivenessTemperatureThreshold = 1_500, TimeoutDelay = 3 };
}
