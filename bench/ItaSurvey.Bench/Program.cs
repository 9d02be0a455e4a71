using ItaSurvey.Bench;

// Benchmarks print figures; they are not tests and assert nothing about time.
return args.FirstOrDefault() switch
{
    "scoring" => ScoringBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/ItaSurvey.Bench -- <benchmark> [options]");
    Console.WriteLine("  scoring [responses=1000000] [fiscal-year=2566]   score raw IIT responses on one thread");
    return 2;
}
