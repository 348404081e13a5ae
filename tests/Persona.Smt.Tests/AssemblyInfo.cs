// Test classes run one at a time in this assembly: twice today (once in .ci/run, once in a full-suite run) a test host
// hung early in Z3_solver_check while other classes solved in parallel, and it did not reproduce with the classes run
// one after another. ConcurrencyTests still drives two contexts on two threads on purpose. The root cause is not found
// yet (see the issue note); this keeps CI from hanging meanwhile.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
