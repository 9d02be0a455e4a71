using ItaSurvey.Bench;
using ItaSurvey.Bench.Evidence;
using ItaSurvey.Bench.Export;
using ItaSurvey.Bench.Load;

// Benchmarks print figures; they are not tests and assert nothing about time.
return args.FirstOrDefault() switch
{
    "scoring" => ScoringBenchmark.Run(args[1..]),
    "load" => await LoadBenchmark.RunAsync(args[1..]),
    "slips" => SlipsBenchmark.Run(args[1..]),
    "dashboard" => await DashboardBenchmark.RunAsync(args[1..]),
    "export" => await ExportBenchmark.RunAsync(args[1..]),
    "overview" => await OverviewBenchmark.RunAsync(args[1..]),
    "years" => await YearsBenchmark.RunAsync(args[1..]),
    "public-page" => await PublicPageBenchmark.RunAsync(),
    "evidence" => await EvidenceBenchmark.RunAsync(args[1..]),
    EvidenceSite.Verb => await EvidenceSite.RunAsync(args[1..]), // the benchmark's own child process
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/ItaSurvey.Bench -- <benchmark> [options]");
    Console.WriteLine("  scoring [responses=1000000] [fiscal-year=2566]   score raw IIT responses on one thread");
    Console.WriteLine("  slips [count=1000]   draw single-use slips as one PDF, 10 to an A4 page");
    Console.WriteLine("  " + DashboardBenchmark.Usage + "   build the round dashboard as the admin page does");
    Console.WriteLine("  " + OverviewBenchmark.Usage);
    Console.WriteLine("  " + YearsBenchmark.Usage);
    Console.WriteLine("  " + PublicPageBenchmark.Usage);
    Console.WriteLine("  " + EvidenceBenchmark.Usage);
    Console.WriteLine("  " + LoadBenchmark.Usage);
    Console.WriteLine("       GET + POST complete EIT submissions against the built app on a fresh SQLite file; first:");
    Console.WriteLine("       dotnet build -c Release src/ItaSurvey.Web");
    Console.WriteLine("  " + ExportBenchmark.Usage);
    Console.WriteLine("       seed EIT responses, stream responses.csv and .xlsx from the built app, print the server's peak memory");
    return 2;
}
