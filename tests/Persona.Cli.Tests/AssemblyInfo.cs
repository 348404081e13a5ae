// Every test here redirects the process-wide console (and Spectre's), so none may run in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
