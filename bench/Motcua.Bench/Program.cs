using BenchmarkDotNet.Running;

// "throughput": the HTTP load test of dossier actions against pgbench (see DossierThroughput);
// "fault": dossier actions under load through kill -9 of the server and a PostgreSQL crash (see FaultTest);
// "generate", "import-bench", "query-bench": the Indexes at scale (see Scale/ScaleBench);
// anything else goes to BenchmarkDotNet.
switch (args.Length > 0 ? args[0] : string.Empty)
{
    case "throughput":
        return await Motcua.Bench.DossierThroughput.RunAsync(args[1..]);
    case "fault":
        return await Motcua.Bench.FaultTest.RunAsync(args[1..]);
    case "generate":
        return await Motcua.Bench.Scale.ScaleBench.GenerateAsync(args[1..]);
    case "import-bench":
        return await Motcua.Bench.Scale.ScaleBench.ImportAsync(args[1..]);
    case "query-bench":
        return await Motcua.Bench.Scale.ScaleBench.QueryAsync(args[1..]);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Motcua.Bench.DeadlineBenchmarks).Assembly).Run(args);
        return 0;
}
