using Persona.Spec.Operations;

namespace Persona.Protocols.Actors;

/// <summary>
/// The remote-wipe coordinator: on IT's authorised command it secures the foreground, stops the work vCPUs on every core, revokes the
/// work devices, unmaps the work pages and shoots down every core's TLB, scrubs and releases the pages, destroys the work key,
/// completes and acknowledges. Its progress lives in the hypervisor's spec state, so after a power loss it resumes from there.
/// </summary>
[OnEventDoAction(typeof(WipeCommand), nameof(OnCommand))]
[OnEventDoAction(typeof(ForegroundSecured), nameof(OnForegroundSecured))]
[OnEventDoAction(typeof(DeviceRevoked), nameof(OnDeviceRevoked))]
public sealed class WipeCoordinator : IpiSender
{
    private readonly HashSet<long> devicesToRevoke = [];
    private ActorId? it;
    private WipeStep step;
    private bool running;

    private enum WipeStep
    {
        Idle,
        Securing,
        Stopping,
        Revoking,
        ShootingDown,
    }

    /// <inheritdoc/>
    protected override void Start()
    {
        if (RestartCount > 0) Machine.Faults.CoordinatorRestarts++;
        if (!Wiring.Has(ProtocolBugs.WipeForgottenOnRestart)) Resume();
    }

    private void OnCommand(WipeCommand command)
    {
        it = command.ReplyTo;
        switch (Machine.Wipe)
        {
            case WipePhase.Idle:
                if (Machine.TryCommit(WipeOperations.Order, ("issuer", command.Issuer))) Resume();
                break;
            case WipePhase.Complete:
                // The acknowledgement may have been lost: every repeated command is answered again.
                if (Wiring.Has(ProtocolBugs.LostWipeAck)) break;
                Machine.Faults.WipeAcksResent++;
                Send(it, new WipeAcknowledged());
                break;
            default:
                // A repeat while the wipe is under way: the running wipe will acknowledge.
                break;
        }
    }

    private void Resume()
    {
        if (Machine.Wipe != WipePhase.InProgress || running) return;
        running = true;
        step = WipeStep.Securing;
        Send(Wiring.SwitchManager!, new SecureForegroundForWipe(Id));
    }

    private void OnForegroundSecured()
    {
        if (step != WipeStep.Securing) return;
        step = WipeStep.Stopping;
        SendIpis(seq => new StopVcpu(Component.Work, Forever: true, seq, Id));
        if (Wiring.Has(ProtocolBugs.StopWithoutAck) && step == WipeStep.Stopping)
        {
            // The seeded bug: work counts as stopped once the IPIs are out, and the wipe moves on without the acknowledgements.
            CommitStopWork();
            RevokeDevices();
        }
    }

    /// <inheritdoc/>
    protected override void OnIpisDone()
    {
        switch (step)
        {
            case WipeStep.Stopping:
                CommitStopWork();
                RevokeDevices();
                break;
            case WipeStep.ShootingDown:
                ScrubAndComplete();
                break;
        }
    }

    private void CommitStopWork()
    {
        if (Machine.WorkRunnable) Require(WipeOperations.StopWork);
    }

    private void RevokeDevices()
    {
        step = WipeStep.Revoking;
        devicesToRevoke.Clear();
        foreach (var d in Model.ProtocolWorld.Devices.Where(d => Machine.Holds(Component.Work, d))) devicesToRevoke.Add(d);
        foreach (var d in devicesToRevoke) Send(Wiring.Broker!, new RevokeDevice(d, ForWipe: true, Id));
        if (devicesToRevoke.Count == 0) ShootDown();
    }

    private void OnDeviceRevoked(DeviceRevoked revoked)
    {
        if (step != WipeStep.Revoking || !devicesToRevoke.Remove(revoked.Device) || devicesToRevoke.Count > 0) return;
        ShootDown();
    }

    private void ShootDown()
    {
        step = WipeStep.ShootingDown;
        foreach (var p in Machine.AccessiblePages(Component.Work)) Machine.RevokeStage2(Component.Work, p);
        if (Wiring.Has(ProtocolBugs.KeyDestroyedWhileMapped) && Machine.KeyPresent) Require(WipeOperations.DestroyKey);
        SendIpis(seq => new TlbInvalidate(Component.Work, null, seq, Id));
    }

    private void ScrubAndComplete()
    {
        step = WipeStep.Idle;
        foreach (var p in Machine.AccessiblePages(Component.Work).ToList())
        {
            bool borrowed = Machine.PageState(Component.Work, p) == PageState.SharedBorrowed;
            Require(borrowed ? WipeOperations.ReturnBorrowed : WipeOperations.ScrubPage, ("p", p));
        }
        if (Machine.KeyPresent) Require(WipeOperations.DestroyKey);
        Require(WipeOperations.Complete);
        running = false;
        if (it is not null) Send(it, new WipeAcknowledged());
    }

    private void Require(Operation operation, params (string Name, object Value)[] arguments) =>
        Assert(Refinement.Commit(Machine, operation, arguments), Refinement.Failure(operation, arguments));

    /// <inheritdoc/>
    protected override int HashState() => HashCode.Combine(base.HashState(), step, running, devicesToRevoke.Count, it is null);
}
