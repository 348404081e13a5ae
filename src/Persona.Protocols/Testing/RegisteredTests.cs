using Persona.Systematic.Testing;

namespace Persona.Protocols.Testing;

/// <summary>The correct protocols under every fault: run by a bare <c>persona test</c>.</summary>
[SystematicTest("protocols", RunByDefault = true, Description = "the hypervisor's protocols (wipe, switch, broker, channel, shoot-down) under faults; spec rules after every step")]
public sealed class HypervisorProtocols() : ProtocolTest(ProtocolBugs.None, ProtocolFaults.All);

/// <summary>Seeded bug: a page changes hands before every core acknowledged the shoot-down.</summary>
[SystematicTest("protocols-bug-release-before-acks", ExpectsBug = true, Description = "a page released before every core acknowledged the TLB shoot-down")]
public sealed class ReleaseBeforeAllAcksBug() : ProtocolTest(ProtocolBugs.ReleaseBeforeAllAcks, ProtocolFaults.All);

/// <summary>Seeded bug: a grant during a concurrent revoke.</summary>
[SystematicTest("protocols-bug-grant-during-revoke", ExpectsBug = true, Description = "the broker grants a device it is still revoking")]
public sealed class GrantDuringRevokeBug() : ProtocolTest(ProtocolBugs.GrantDuringRevoke, ProtocolFaults.All);

/// <summary>Seeded bug: a lost wipe acknowledgement is never sent again.</summary>
[SystematicTest("protocols-bug-lost-wipe-ack", ExpectsBug = true, Description = "a lost wipe acknowledgement is never resent")]
public sealed class LostWipeAckBug() : ProtocolTest(ProtocolBugs.LostWipeAck, ProtocolFaults.All);

/// <summary>Seeded bug: a switch racing the deschedule IPI.</summary>
[SystematicTest("protocols-bug-switch-races-ipi", ExpectsBug = true, Description = "the world switch does not wait for core 0's deschedule acknowledgement")]
public sealed class SwitchRacesIpiBug() : ProtocolTest(ProtocolBugs.SwitchRacesIpi, ProtocolFaults.All);

/// <summary>Seeded bug: the key destroyed while work pages are still mapped.</summary>
[SystematicTest("protocols-bug-key-destroyed-while-mapped", ExpectsBug = true, Description = "the work key is destroyed while work pages are still mapped")]
public sealed class KeyDestroyedWhileMappedBug() : ProtocolTest(ProtocolBugs.KeyDestroyedWhileMapped, ProtocolFaults.All);

/// <summary>Seeded bug: work recorded stopped before every core acknowledged the stop.</summary>
[SystematicTest("protocols-bug-stop-without-ack", ExpectsBug = true, Description = "the wipe records work stopped and moves on before every core acknowledged the stop IPI")]
public sealed class StopWithoutAckBug() : ProtocolTest(ProtocolBugs.StopWithoutAck, ProtocolFaults.All);

/// <summary>Seeded bug: a device released with DMA in flight.</summary>
[SystematicTest("protocols-bug-revoke-without-quiesce", ExpectsBug = true, Description = "the broker releases a device without waiting for it to quiesce")]
public sealed class RevokeWithoutQuiesceBug() : ProtocolTest(ProtocolBugs.RevokeWithoutQuiesce, ProtocolFaults.All);

/// <summary>Seeded bug: no timeout path for a device that never quiesces.</summary>
[SystematicTest("protocols-bug-no-quiesce-timeout", ExpectsBug = true, Description = "the broker waits forever for a device that never quiesces")]
public sealed class NoQuiesceTimeoutBug() : ProtocolTest(ProtocolBugs.NoQuiesceTimeout, ProtocolFaults.All);

/// <summary>Seeded bug: a lost IPI is never resent.</summary>
[SystematicTest("protocols-bug-no-ipi-retry", ExpectsBug = true, Description = "a lost IPI is never resent")]
public sealed class NoIpiRetryBug() : ProtocolTest(ProtocolBugs.NoIpiRetry, ProtocolFaults.All);

/// <summary>Seeded bug: a shoot-down waits for a core that went offline.</summary>
[SystematicTest("protocols-bug-await-offline-core", ExpectsBug = true, Description = "a shoot-down waits for an acknowledgement from an offline core")]
public sealed class AwaitOfflineCoreBug() : ProtocolTest(ProtocolBugs.AwaitOfflineCore, ProtocolFaults.All);

/// <summary>Seeded bug: the wipe is not resumed after a power loss.</summary>
[SystematicTest("protocols-bug-wipe-forgotten-on-restart", ExpectsBug = true, Description = "after a power loss the wipe is not resumed")]
public sealed class WipeForgottenOnRestartBug() : ProtocolTest(ProtocolBugs.WipeForgottenOnRestart, ProtocolFaults.All);

/// <summary>Seeded bug: the message body goes on the notification channel.</summary>
[SystematicTest("protocols-bug-channel-carries-body", ExpectsBug = true, Description = "the work app posts the message body on the notification channel")]
public sealed class ChannelCarriesBodyBug() : ProtocolTest(ProtocolBugs.ChannelCarriesBody, ProtocolFaults.All);
