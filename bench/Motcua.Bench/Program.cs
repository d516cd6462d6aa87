using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Motcua.Bench.DeadlineBenchmarks).Assembly).Run(args);
