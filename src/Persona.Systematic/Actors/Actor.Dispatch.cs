using Persona.Systematic.Runtime;

namespace Persona.Systematic.Actors;

/// <summary>Coyote's dequeue, raise and push/pop rules.</summary>
public abstract partial class Actor
{
    private protected enum RaiseKind : byte
    {
        None,
        Event,
        Goto,
        Push,
        Pop,
        Halt,
    }

    private RaiseKind raise;
    private Event? raisedEvent;
    private int raiseTarget;
    private bool inExitAction;

    /// <summary>Raises an event that this actor handles next, before anything in its inbox.</summary>
    protected void RaiseEvent(Event e) => SetRaise(RaiseKind.Event, e, -1);

    /// <summary>Halts this actor when the current action returns; later events sent to it are dropped.</summary>
    protected void RaiseHaltEvent() => SetRaise(RaiseKind.Halt, null, -1);

    private protected void SetRaise(RaiseKind kind, Event? e, int target)
    {
        if (inExitAction) Runtime.Fail(BugKind.AssertionFailure, $"{Id} raised an event or transition inside an exit action of {CurrentStateName}.");
        if (raise != RaiseKind.None) Runtime.Fail(BugKind.AssertionFailure, $"{Id} raised more than one event or transition in one action in {CurrentStateName}.");
        raise = kind;
        raisedEvent = e;
        raiseTarget = target;
    }

    private protected void SetRaiseGoto(int target) => SetRaise(RaiseKind.Goto, null, target);

    private protected void SetRaisePush(int target) => SetRaise(RaiseKind.Push, null, target);

    private protected void SetRaisePop() => SetRaise(RaiseKind.Pop, null, -1);

    private bool inboxWork;
    private bool inboxWorkKnown;

    /// <summary>Forgets the cached answer of <see cref="HasWork"/>; called whenever the inbox or the state stack changes.</summary>
    internal void InboxOrStackChanged() => inboxWorkKnown = false;

    /// <summary>Whether the next step can do anything: deliver an effect, start, dequeue, or take the default event.</summary>
    /// <remarks>The inbox part is cached because every step asks it of every actor, and it needs a handler lookup per queued event.</remarks>
    internal bool HasWork
    {
        get
        {
            if (Effects.Count > 0) return true;
            if (Halted) return false;
            if (!Initialized) return true;
            if (!inboxWorkKnown)
            {
                inboxWork = ComputeInboxWork();
                inboxWorkKnown = true;
            }
            return inboxWork;
        }
    }

    private bool ComputeInboxWork()
    {
        int n = InboxEvents.Count;
        if (n > 0)
        {
            if (!stackHasDeferOrIgnore) return true;
            for (int i = 0; i < n; i++)
            {
                var kind = Resolve(InboxEvents[i].GetType()).Kind;
                if (kind is not HandlerKind.Defer and not HandlerKind.Ignore) return true;
            }
        }
        return Model.AnyDefaultHandler && HandlesDefault();
    }

    private bool HandlesDefault() => Resolve(typeof(DefaultEvent)).Kind is HandlerKind.Do or HandlerKind.Goto or HandlerKind.Push;

    /// <summary>Starts the actor, or dequeues one event and handles it, then handles what was raised.</summary>
    internal void RunNextStep()
    {
        if (!Initialized)
        {
            Initialized = true;
            depth = 0;
            Initialize(InitialEvent);
            EnterState(Model.Start, InitialEvent, push: true);
            ProcessRaises();
            return;
        }
        var e = TryDequeue(out bool mustHandle);
        if (e is null) return;
        Runtime.Observer?.OnDequeue(this, e);
        HandleEvent(e, mustHandle);
        ProcessRaises();
    }

    /// <summary>The raised event is handled first by the caller; here: the first inbox event neither ignored (removed) nor deferred (kept), then the default event.</summary>
    private Event? TryDequeue(out bool mustHandle)
    {
        for (int i = 0; i < InboxEvents.Count;)
        {
            var e = InboxEvents[i];
            if (stackHasDeferOrIgnore)
            {
                var kind = Resolve(e.GetType()).Kind;
                if (kind == HandlerKind.Ignore)
                {
                    if (InboxEvents.MustHandleAt(i)) Runtime.Fail(BugKind.MustHandleViolated, $"{Id} ignored {e.GetType().Name}, which was sent with MustHandle.");
                    InboxEvents.RemoveAt(i);
                    inboxWorkKnown = false;
                    continue;
                }
                if (kind == HandlerKind.Defer)
                {
                    i++;
                    continue;
                }
            }
            mustHandle = InboxEvents.MustHandleAt(i);
            InboxEvents.RemoveAt(i);
            inboxWorkKnown = false;
            return e;
        }
        mustHandle = false;
        return Model.AnyDefaultHandler && HandlesDefault() ? DefaultEvent.Instance : null;
    }

    /// <summary>The nearest handler from the top of the stack: the top state may use any row; lower states lend only do, defer and ignore rows.</summary>
    private HandlerEntry Resolve(Type type)
    {
        var h = stack[depth - 1].Find(type, inheritedOnly: false);
        if (h.Kind != HandlerKind.None) return h;
        for (int i = depth - 2; i >= 0; i--)
        {
            h = stack[i].Find(type, inheritedOnly: true);
            if (h.Kind != HandlerKind.None) return h;
        }
        return default;
    }

    private void HandleEvent(Event e, bool mustHandle)
    {
        var type = e.GetType();
        while (true)
        {
            var h = Resolve(type);
            switch (h.Kind)
            {
                case HandlerKind.Do:
                    Runtime.Observer?.OnHandled(this, e);
                    h.Action!(this, e);
                    return;
                case HandlerKind.Goto:
                    Runtime.Observer?.OnHandled(this, e);
                    Transition(h.TargetState, h.Action, e);
                    return;
                case HandlerKind.Push:
                    Runtime.Observer?.OnHandled(this, e);
                    EnterState(h.TargetState, e, push: true);
                    return;
                case HandlerKind.Ignore:
                    if (mustHandle) Runtime.Fail(BugKind.MustHandleViolated, $"{Id} ignored {type.Name}, which was sent with MustHandle.");
                    return;
                case HandlerKind.Defer:
                    Runtime.Fail(BugKind.UnhandledEvent, $"{Id} raised {type.Name}, which state {CurrentStateName} defers.");
                    return;
                default:
                    if (e is HaltEvent)
                    {
                        HaltNow();
                        return;
                    }
                    if (depth > 1)
                    {
                        PopState();
                        continue;
                    }
                    Runtime.Fail(BugKind.UnhandledEvent, $"{Id} received {type.Name} in state {CurrentStateName}, which has no handler for it.");
                    return;
            }
        }
    }

    private void ProcessRaises()
    {
        while (raise != RaiseKind.None && !Halted)
        {
            var kind = raise;
            var e = raisedEvent;
            raise = RaiseKind.None;
            raisedEvent = null;
            switch (kind)
            {
                case RaiseKind.Event:
                    if (Resolve(e!.GetType()).Kind == HandlerKind.Ignore) break;
                    HandleEvent(e, mustHandle: false);
                    break;
                case RaiseKind.Goto:
                    Transition(raiseTarget, null, null);
                    break;
                case RaiseKind.Push:
                    EnterState(raiseTarget, null, push: true);
                    break;
                case RaiseKind.Pop:
                    if (depth <= 1) Runtime.Fail(BugKind.UnhandledEvent, $"{Id} popped its last state {CurrentStateName}.");
                    PopState();
                    break;
                case RaiseKind.Halt:
                    HaltNow();
                    break;
            }
        }
    }

    private void Transition(int target, MachineAction? action, Event? e)
    {
        RunExit();
        action?.Invoke(this, e);
        depth--;
        EnterState(target, e, push: true);
    }

    private void EnterState(int target, Event? e, bool push)
    {
        var state = Model.States[target];
        if (push)
        {
            if (depth == stack.Length) Array.Resize(ref stack, depth * 2);
            stack[depth++] = state;
        }
        RecomputeStackFlags();
        Runtime.Observer?.OnStateEntered(this, state.Name);
        state.Entry?.Invoke(this, e);
    }

    private void PopState()
    {
        RunExit();
        depth--;
        RecomputeStackFlags();
        Runtime.Observer?.OnStateEntered(this, CurrentStateName);
    }

    private void RunExit()
    {
        var exit = stack[depth - 1].Exit;
        if (exit is null) return;
        inExitAction = true;
        try
        {
            exit(this, null);
        }
        finally
        {
            inExitAction = false;
        }
    }

    private void RecomputeStackFlags()
    {
        bool any = false;
        for (int i = 0; i < depth; i++) any |= stack[i].HasDeferOrIgnore;
        stackHasDeferOrIgnore = any;
        inboxWorkKnown = false;
    }

    private void HaltNow()
    {
        Halted = true;
        for (int i = 0; i < InboxEvents.Count; i++)
        {
            if (InboxEvents.MustHandleAt(i)) Runtime.Fail(BugKind.MustHandleViolated, $"{Id} halted with {InboxEvents[i].GetType().Name} (MustHandle) in its inbox.");
        }
        InboxEvents.Clear();
        inboxWorkKnown = false;
        Runtime.Observer?.OnHalted(this);
        OnHalt();
    }

    /// <summary>Folds the engine-visible state (state stack, inbox, pending effects, user fields) into a hash.</summary>
    internal int HashEngineState()
    {
        var h = new HashCode();
        h.Add(Model.Type);
        h.Add(Halted);
        h.Add(Initialized);
        for (int i = 0; i < depth; i++) h.Add(stack[i].Index);
        for (int i = 0; i < InboxEvents.Count; i++) h.Add(InboxEvents[i]);
        h.Add(Effects.Count);
        h.Add(HashState());
        return h.ToHashCode();
    }
}

/// <summary>An actor whose behaviour is a set of nested <see cref="State"/> classes with Coyote-style attributes.</summary>
public abstract class StateMachine : Actor
{
    /// <summary>Leaves the current state for <typeparamref name="TState"/> when the current action returns.</summary>
    protected void RaiseGotoStateEvent<TState>()
        where TState : State => SetRaiseGoto(IndexOfState(typeof(TState)));

    /// <summary>Pushes <typeparamref name="TState"/> on the state stack when the current action returns.</summary>
    protected void RaisePushStateEvent<TState>()
        where TState : State => SetRaisePush(IndexOfState(typeof(TState)));

    /// <summary>Pops the current state when the current action returns.</summary>
    protected void RaisePopStateEvent() => SetRaisePop();

    private int IndexOfState(Type t)
    {
        int i = Model.IndexOf(t);
        if (i < 0) Runtime.Fail(BugKind.AssertionFailure, $"{Id}: {t.Name} is not a state of {GetType().Name}.");
        return i;
    }
}
