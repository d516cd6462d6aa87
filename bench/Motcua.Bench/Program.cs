using BenchmarkDotNet.Running;

// "throughput": the HTTP load test of dossier actions against pgbench (see DossierThroughput);
// anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "throughput")
{
    return await Motcua.Bench.DossierThroughput.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Motcua.Bench.DeadlineBenchmarks).Assembly).Run(args);
return 0;
